using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Seekers;
using Tianxin.Testing;

namespace Tianxin.Employment.Tests;

/// <summary>One real PostgreSQL for the project's tests; each test gets a new database migrated as the employment service migrates its own.</summary>
public sealed class EmploymentDatabase : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    public async Task<NpgsqlDataSource> NewAsync() =>
        NpgsqlDataSource.Create(await _postgres.CreateDatabaseAsync("employment", MigrationScripts.Messaging, MigrationScripts.Audit,
            MigrationScripts.Funding, EligibilityCopy.Migrations, new MigrationScripts(typeof(RegisterSeeker).Assembly, "employment.")));
}

[CollectionDefinition(Name)]
public sealed class EmploymentDatabaseCollection : ICollectionFixture<EmploymentDatabase>
{
    public const string Name = "employment-database";
}
