using System.Security.Claims;
using Npgsql;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.IntegrationTests.Messaging;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.IntegrationTests.Audit;

[Collection(MessagingCollection.Name)]
public sealed class AuditTrailTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_changes_record_commits_with_the_change_and_rolls_back_with_it()
    {
        await using var dataSource = NpgsqlDataSource.Create(await fixture.Postgres.CreateDatabaseAsync("audit", MigrationScripts.Audit));
        var trail = new AuditTrail(dataSource);

        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var failed = await connection.BeginTransactionAsync())
        {
            await trail.RecordAsync(failed, "officer", new ClaimsPrincipal(), null, Changed("person:1", "rolled_back"), CancellationToken.None);
            await failed.RollbackAsync();
        }
        await dataSource.InTransactionAsync(async committed =>
        {
            await trail.RecordAsync(committed, "officer", new ClaimsPrincipal(), "10.0.0.7", Changed("person:2", "registered"), CancellationToken.None);
            return true;
        }, CancellationToken.None);

        var recorded = await trail.FindAsync(new AuditQuery(null, null, null, null, null, null), CancellationToken.None);
        var entry = Assert.Single(recorded);
        Assert.Equal(("officer", "person:2", "registered", "10.0.0.7"), (entry.Actor, entry.Resource, entry.Outcome, entry.ClientAddress));
    }

    private static AuditEvent Changed(string resource, string outcome) => new(AuditActions.PersonalDataChanged, resource, outcome);
}
