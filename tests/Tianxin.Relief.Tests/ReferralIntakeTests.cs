using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Grievance;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Tests;

/// <summary>A grievance's hardship referral opens one relief case, and its outcome goes back as an event naming the grievance.</summary>
[Collection(ReliefDatabaseCollection.Name)]
public sealed class ReferralIntakeTests(ReliefDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task A_referral_delivered_twice_opens_one_case_capped_at_the_limit_and_its_grant_names_the_grievance()
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource);
        var person = await PersonAsync(dataSource);
        var referral = new HardshipReferred(Guid.NewGuid(), person, "被辞退后无收入", 9_000m, Clock.TodayInChina().AddDays(-2), DateTimeOffset.UtcNow);

        await OpenAsync(dataSource, referral);
        await OpenAsync(dataSource, referral);
        var opened = (await ReliefCase.ListAsync(dataSource, programme.Id, "submitted", AreaScope.District, default)).Single();
        var granted = await new GrantReliefCase(dataSource, new Outbox(), Clock).HandleAsync(opened.Id, AreaScope.District, "officer", default);

        Assert.Equal(($"grievance:{referral.GrievanceId}", 5_000m), (opened.ReferredFrom, opened.Amount));
        Assert.Equal("granted", granted.Value.Status);
        Assert.Equal(referral.GrievanceId.ToString(), await dataSource.Command(
                "select split_part(payload ->> 'referredFrom', ':', 2) from outbox_messages where message_type like '%ReliefGranted%'")
            .ScalarAsync<string>(default));
    }

    [Fact]
    public async Task A_referral_without_this_years_programme_is_refused_at_once()
    {
        await using var dataSource = await database.NewAsync();
        var person = await PersonAsync(dataSource);

        await OpenAsync(dataSource, new HardshipReferred(Guid.NewGuid(), person, "房租拖欠", null, Clock.TodayInChina(), DateTimeOffset.UtcNow));

        Assert.Equal(0L, await dataSource.Command("select count(*) from relief_cases").ScalarAsync<long>(default));
        Assert.Equal(1L, await dataSource.Command("select count(*) from outbox_messages where message_type like '%ReliefRefused%'").ScalarAsync<long>(default));
    }

    private static Task OpenAsync(NpgsqlDataSource dataSource, HardshipReferred referral) =>
        dataSource.InTransactionAsync(async transaction =>
        {
            await new ReferralIntake(Options.Create(new ReferralOptions()), new Outbox(), Clock).OpenAsync(transaction, referral, default);
            return true;
        }, default);

    private static async Task<ReliefProgramme> ProgrammeAsync(NpgsqlDataSource dataSource) =>
        (await new CreateReliefProgramme(dataSource).HandleAsync(
            new ReliefProgrammeRequest("temporary_hardship", Clock.TodayInChina().Year, "临时困难救助", 50_000m, 5_000m, 10_000m, true), "test", default)).Value;

    private static async Task<Guid> PersonAsync(NpgsqlDataSource dataSource)
    {
        var person = Guid.NewGuid();
        await dataSource.Command(
            """
            insert into eligibility_persons (person_id, birth_date, sex, community_code, status, household_flags, facts_version)
            values ($1, '1970-01-01', 'female', '430103001001', 'active', '{registered_poor}', 1)
            """, person).ExecuteAsync(default);
        return person;
    }
}
