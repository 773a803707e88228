using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Grievance;
using Tianxin.Employment.Features.LabourCases;

namespace Tianxin.Employment.Tests;

/// <summary>A grievance about a dismissal opens one labour case on the person's street, and its outcome goes back naming the grievance.</summary>
[Collection(EmploymentDatabaseCollection.Name)]
public sealed class LabourCaseTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task A_referral_delivered_twice_opens_one_case_whose_resolution_names_the_grievance()
    {
        await using var dataSource = await database.NewAsync();
        var person = await CopiedPersons.AddAsync(dataSource);
        var referral = new EmploymentDisputeReferred(Guid.NewGuid(), person, "dismissal", "某物业公司", "怀孕期间被辞退", Clock.TodayInChina().AddDays(-3),
            DateTimeOffset.UtcNow);
        var yunan = new AreaScope(AreaCode.TryParse("430103001")!);
        var qingyuan = new AreaScope(AreaCode.TryParse("430103006")!);

        await OpenAsync(dataSource, referral);
        await OpenAsync(dataSource, referral);
        var opened = Assert.Single(await LabourCase.ListAsync(dataSource, "open", yunan, default));
        var elsewhere = await LabourCase.ListAsync(dataSource, null, qingyuan, default);
        var resolve = new ResolveLabourCase(dataSource, new Outbox(), Clock);
        var resolved = await resolve.HandleAsync(opened.Id, new ResolutionRequest("legal_aid", "已转介法律援助中心"), yunan, "worker", default);
        var twice = await resolve.HandleAsync(opened.Id, new ResolutionRequest("reinstated", "复岗"), yunan, "worker", default);

        Assert.Empty(elsewhere);
        Assert.Equal(("resolved", "legal_aid"), (resolved.Value.Status, resolved.Value.Outcome));
        Assert.IsType<Failure.Conflict>(twice.Failure);
        Assert.Equal(referral.GrievanceId.ToString(), await dataSource.Command(
                "select payload ->> 'grievanceId' from outbox_messages where message_type like '%EmploymentDisputeResolved%'")
            .ScalarAsync<string>(default));
    }

    [Fact]
    public async Task A_resolution_without_an_outcome_or_note_names_both_fields()
    {
        await using var dataSource = await database.NewAsync();

        var outcome = await new ResolveLabourCase(dataSource, new Outbox(), Clock).HandleAsync(Guid.NewGuid(), new ResolutionRequest("won", " "),
            AreaScope.District, "worker", default);

        Assert.Equal(["note", "outcome"], Assert.IsType<Failure.Invalid>(outcome.Failure).Errors.Keys.Order());
    }

    private static Task OpenAsync(NpgsqlDataSource dataSource, EmploymentDisputeReferred referral) =>
        dataSource.InTransactionAsync(async transaction =>
        {
            await LabourCaseIntake.OpenAsync(transaction, referral, default);
            return true;
        }, default);
}
