using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Migrator;

var builder = Host.CreateApplicationBuilder(args);
builder.AddServiceDefaults();
using var host = builder.Build();

var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tianxin.Migrator");
var migrated = 0;
foreach (var database in ServiceDatabases.All)
{
    var connectionString = builder.Configuration.GetConnectionString(database.ConnectionName);
    if (string.IsNullOrWhiteSpace(connectionString))
    {
        logger.LogWarning("No connection string {Name}; database {Database} skipped", database.ConnectionName, database.Name);
        continue;
    }
    await ServiceDatabases.MigrateWithRetryAsync(database, connectionString, logger);
    migrated++;
}
logger.LogInformation("Migrated {Count} service databases", migrated);
return migrated > 0 ? 0 : 1;
