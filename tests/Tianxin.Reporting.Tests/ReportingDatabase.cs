using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Reporting.Features.Events;
using Tianxin.Testing;

namespace Tianxin.Reporting.Tests;

/// <summary>One real PostgreSQL for the project's tests; each test gets a new database migrated as the reporting service migrates its own.</summary>
public sealed class ReportingDatabase : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    public async Task<NpgsqlDataSource> NewAsync() =>
        NpgsqlDataSource.Create(await _postgres.CreateDatabaseAsync("reporting", MigrationScripts.Messaging, MigrationScripts.Audit,
            new MigrationScripts(typeof(EventStore).Assembly, "reporting.")));
}

[CollectionDefinition(Name)]
public sealed class ReportingDatabaseCollection : ICollectionFixture<ReportingDatabase>
{
    public const string Name = "reporting-database";
}
