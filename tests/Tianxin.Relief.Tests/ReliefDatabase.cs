using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Testing;

namespace Tianxin.Relief.Tests;

/// <summary>One real PostgreSQL for the project's tests; each test gets a new database migrated as the relief service migrates its own.</summary>
public sealed class ReliefDatabase : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    public async Task<NpgsqlDataSource> NewAsync() =>
        NpgsqlDataSource.Create(await _postgres.CreateDatabaseAsync("relief", MigrationScripts.Messaging, MigrationScripts.Audit, MigrationScripts.Funding,
            EligibilityCopy.Migrations, new MigrationScripts(typeof(StartPaymentRun).Assembly, "relief.")));
}

[CollectionDefinition(Name)]
public sealed class ReliefDatabaseCollection : ICollectionFixture<ReliefDatabase>
{
    public const string Name = "relief-database";
}
