using System.Reflection;
using DbUp;
using DbUp.Engine.Output;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tianxin.BuildingBlocks.Persistence;

/// <summary>
/// Creates a service's database when missing and applies its versioned scripts in order, each in its
/// own transaction, journaled in <c>schema_versions</c>. A session-level advisory lock makes concurrent
/// runs (two migrators, a test and the AppHost) wait for each other instead of racing.
/// </summary>
public static class DatabaseMigrator
{
    private const long MigrationLockKey = 0x7469616E78696E; // "tianxin"

    public static async Task MigrateAsync(string connectionString, IEnumerable<MigrationScripts> scripts,
        IUpgradeLog? log = null, CancellationToken cancellationToken = default)
    {
        await EnsureDatabaseAsync(connectionString, cancellationToken);

        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({MigrationLockKey})", lockConnection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            foreach (var source in scripts)
            {
                var result = DeployChanges.To.PostgresqlDatabase(connectionString)
                    .WithScriptsEmbeddedInAssembly(source.Assembly, name => name.StartsWith(source.Prefix, StringComparison.Ordinal))
                    .WithTransactionPerScript()
                    .JournalToPostgresqlTable("public", "schema_versions")
                    .LogTo(log ?? new NoOpUpgradeLog())
                    .Build()
                    .PerformUpgrade();
                if (!result.Successful)
                {
                    throw new InvalidOperationException(
                        $"Migration script {result.ErrorScript?.Name} failed: {result.Error?.Message}", result.Error);
                }
            }
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({MigrationLockKey})", lockConnection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>As <see cref="MigrateAsync"/>, giving a PostgreSQL that reports healthy a moment before it accepts connections a short while.</summary>
    public static async Task MigrateWithRetryAsync(string connectionString, IEnumerable<MigrationScripts> scripts, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(connectionString, scripts, cancellationToken: cancellationToken);
                return;
            }
            catch (NpgsqlException e) when (attempt < 30 && e.IsTransient)
            {
                logger.LogWarning("PostgreSQL not ready ({Message}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }

    public static async Task EnsureDatabaseAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var database = target.Database ?? throw new ArgumentException("The connection string names no database.", nameof(connectionString));
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };

        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using var create = new NpgsqlCommand($"create database {quoted} encoding 'UTF8'", connection);
        try
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another migrator created it between our check and our create: that is the outcome we wanted.
        }
    }
}
