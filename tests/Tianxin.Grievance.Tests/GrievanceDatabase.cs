using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Testing;

namespace Tianxin.Grievance.Tests;

/// <summary>One real PostgreSQL for the project's tests; each test gets a new database migrated as the grievance service migrates its own.</summary>
public sealed class GrievanceDatabase : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    public async Task<NpgsqlDataSource> NewAsync() =>
        NpgsqlDataSource.Create(await _postgres.CreateDatabaseAsync("grievance", MigrationScripts.Messaging, MigrationScripts.Audit,
            new MigrationScripts(typeof(ReceiveCase).Assembly, "grievance.")));
}

[CollectionDefinition(Name)]
public sealed class GrievanceDatabaseCollection : ICollectionFixture<GrievanceDatabase>
{
    public const string Name = "grievance-database";
}
