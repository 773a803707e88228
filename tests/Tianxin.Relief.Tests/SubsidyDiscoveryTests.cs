using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;
using Tianxin.Relief.Features.Enrolments;

namespace Tianxin.Relief.Tests;

[Collection(ReliefDatabaseCollection.Name)]
public sealed class SubsidyDiscoveryTests(ReliefDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task Facts_discovery_has_already_seen_change_nothing_and_fail_nothing()
    {
        // Two events of one person (registered, then certified) can both find the copy at the later version.
        await using var dataSource = await database.NewAsync();
        var today = Clock.TodayInChina();
        var facts = new EligibilityFacts(Guid.NewGuid(), new DateOnly(1980, 5, 1), "female", "430103001001", "active", 1, 1, [], Version: 2,
            CertificateValidUntil: today.AddYears(5));
        var discovery = new SubsidyDiscovery(new Outbox(), Clock);
        var change = new FactsChange("certificate_issued", today, null);

        await dataSource.InTransactionAsync(async t => { await discovery.ApplyAsync(t, facts, change, default); return true; }, default);
        var proposed = await dataSource.Command("select count(*) from enrolments where person_id = $1", facts.PersonId).ScalarAsync<long>(default);
        await dataSource.InTransactionAsync(async t => { await discovery.ApplyAsync(t, facts, change, default); return true; }, default);
        var after = await dataSource.Command("select count(*) from enrolments where person_id = $1", facts.PersonId).ScalarAsync<long>(default);

        Assert.True(proposed > 0, "a grade 1 holder is owed at least one of the two subsidies");
        Assert.Equal(proposed, after);
    }
}
