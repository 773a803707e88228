using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Grievance.Features.Referrals;

namespace Tianxin.Grievance.Tests;

/// <summary>A referral is an outbox event written with its row, once per service; the outcome that comes back lands on the grievance it names.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class ReferralTests(GrievanceDatabase database)
{
    private static readonly DateOnly Today = new(2026, 11, 5);

    [Fact]
    public async Task A_hardship_referral_is_one_event_naming_the_grievance_and_its_outcome_shows_on_the_case()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Today));
        var person = Guid.NewGuid();
        var id = await grievances.PetitionAsync(Grievances.Yunan, Today, person: person);
        var anonymous = await grievances.PetitionAsync(Grievances.Yunan, Today);

        var referred = await grievances.Refer.HandleAsync(id, new ReferralRequest("relief", "被辞退后无收入，房租拖欠", 3000m, null, null), Grievances.Yunan, default);
        var twice = await grievances.Refer.HandleAsync(id, new ReferralRequest("relief", "再次转办", null, null, null), Grievances.Yunan, default);
        var noPerson = await grievances.Refer.HandleAsync(anonymous, new ReferralRequest("relief", "生活困难", null, null, null), Grievances.Yunan, default);
        var badAmount = await grievances.Refer.HandleAsync(id, new ReferralRequest("relief", "生活困难", 10.005m, null, null), Grievances.Yunan, default);
        var payload = await dataSource.Command(
                "select payload ->> 'grievanceId', payload ->> 'personId', payload ->> 'requestedAmount' from outbox_messages where message_type like '%HardshipReferred%'")
            .ReadAllAsync(r => (r.GetString(0), r.GetString(1), r.GetString(2)), default);
        await dataSource.InTransactionAsync(transaction => ReferralOutcomes.RecordAsync(transaction,
            ReferralOutcomes.GrievanceOf($"grievance:{id}")!.Value, "relief", "granted", ReferralOutcomes.Granted(3000m, "bank_transfer"), Today, default), default);
        var view = (await grievances.Reads.GetAsync(id, null, Grievances.Yunan, default)).Value;

        Assert.Equal(id, referred.Value.Id);
        Assert.IsType<Failure.Duplicate>(twice.Failure);
        Assert.Equal("no_person", Assert.IsType<Failure.Conflict>(noPerson.Failure).Rule);
        Assert.Equal(["requestedAmount"], Assert.IsType<Failure.Invalid>(badAmount.Failure).Errors.Keys);
        Assert.Equal([(id.ToString(), person.ToString(), "3000")], payload);
        var referral = Assert.Single(view.Referrals);
        Assert.Equal(("relief", "granted", "3,000.00 元（bank_transfer）", Today), (referral.Target, referral.Outcome, referral.OutcomeNote, referral.OutcomeOn));
        Assert.Null(ReferralOutcomes.GrievanceOf("application:42"));
    }

    [Fact]
    public async Task A_job_dispute_goes_to_employment_with_its_kind()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Today));
        var id = await grievances.PetitionAsync(Grievances.Yunan, Today, person: Guid.NewGuid());

        var noKind = await grievances.Refer.HandleAsync(id, new ReferralRequest("employment", "被单位辞退", null, null, null), Grievances.Yunan, default);
        await grievances.Refer.HandleAsync(id, new ReferralRequest("employment", "被单位辞退", null, "dismissal", "某物业公司"), Grievances.Yunan, default);

        Assert.Equal(["disputeKind"], Assert.IsType<Failure.Invalid>(noKind.Failure).Errors.Keys);
        Assert.Equal(["dismissal"], await dataSource.Command(
                "select payload ->> 'kind' from outbox_messages where message_type like '%EmploymentDisputeReferred%'")
            .ReadAllAsync(r => r.GetString(0), default));
    }
}
