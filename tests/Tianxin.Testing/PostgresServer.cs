using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Testing;

/// <summary>A throwaway PostgreSQL on a free port; each test creates the databases it needs.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly InfraScript _script;

    private PostgresServer(InfraScript script, int port)
    {
        _script = script;
        Port = port;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync()
    {
        var port = InfraScript.FreePort();
        var script = InfraScript.Start("postgres.sh", new Dictionary<string, string> { ["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var server = new PostgresServer(script, port);
        await Wait.UntilAsync(server.AcceptsQueriesAsync, TimeSpan.FromSeconds(60), () => "PostgreSQL did not start:\n" + script.Output);
        return server;
    }

    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>A new database with the given migrations applied; names are unique per call.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, params MigrationScripts[] migrations)
    {
        var connectionString = ConnectionString($"{prefix}_{Guid.NewGuid():N}");
        await DatabaseMigrator.MigrateAsync(connectionString, migrations);
        return connectionString;
    }

    public ValueTask DisposeAsync() => _script.DisposeAsync();

    private async Task<bool> AcceptsQueriesAsync()
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
            await connection.OpenAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
