using Microsoft.Extensions.Logging;
using Npgsql;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Migrator;

/// <param name="IsDomainService">Domain services have an outbox, an inbox and an audit log.</param>
/// <param name="KeepsEligibilityCopy">Every domain service but the registry keeps a copy of the registry's eligibility facts.</param>
public sealed record ServiceDatabase(string Name, bool IsDomainService = true, bool KeepsEligibilityCopy = false)
{
    public string ConnectionName => Name + "-db";

    /// <summary>The shared building-block tables first, then the service's own scripts.</summary>
    public IEnumerable<MigrationScripts> Scripts =>
        IsDomainService
            ?
            [
                MigrationScripts.Messaging, MigrationScripts.Audit, .. (KeepsEligibilityCopy ? [MigrationScripts.EligibilityCopy] : Array.Empty<MigrationScripts>()),
                new MigrationScripts(typeof(ServiceDatabase).Assembly, Name + "."),
            ]
            : [new MigrationScripts(typeof(ServiceDatabase).Assembly, Name + ".")];
}

public static class ServiceDatabases
{
    public static IReadOnlyList<ServiceDatabase> All { get; } =
    [
        new ServiceDatabase("identity", IsDomainService: false),
        .. PlatformService.DomainServiceNames.Select(name => new ServiceDatabase(name, KeepsEligibilityCopy: name != "registry")),
    ];

    public static async Task MigrateWithRetryAsync(ServiceDatabase database, string connectionString, ILogger logger)
    {
        // PostgreSQL reports healthy a moment before it accepts every connection: give it a short while.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DatabaseMigrator.MigrateAsync(connectionString, database.Scripts);
                logger.LogInformation("Database {Database} is up to date", database.Name);
                return;
            }
            catch (NpgsqlException e) when (attempt < 30 && e.IsTransient)
            {
                logger.LogWarning("PostgreSQL not ready for {Database} ({Message}); retrying", database.Name, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
