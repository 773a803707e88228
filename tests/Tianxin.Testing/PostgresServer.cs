using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Testing;

/// <summary>
/// A throwaway PostgreSQL on a free port; each test creates the databases it needs. A fault test can stop it and
/// start it again on the same port and data (an outage), when started with <c>restartable</c>.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private InfraScript _script;
    private readonly string? _dataDirectory;

    private PostgresServer(InfraScript script, int port, string? dataDirectory)
    {
        _script = script;
        Port = port;
        _dataDirectory = dataDirectory;
    }

    public int Port { get; }

    public static async Task<PostgresServer> StartAsync(bool restartable = false)
    {
        var port = InfraScript.FreePort();
        var dataDirectory = restartable ? Directory.CreateTempSubdirectory("tianxin-pgdata").FullName : null;
        var server = new PostgresServer(Start(port, dataDirectory), port, dataDirectory);
        await server.WaitUntilAcceptingAsync();
        return server;
    }

    /// <summary>A clean shutdown: clients then fail to connect until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync() => await _script.DisposeAsync();

    public async Task StartAgainAsync()
    {
        if (_dataDirectory is null)
        {
            throw new InvalidOperationException("Only a server started restartable keeps its data to start again.");
        }
        _script = Start(Port, _dataDirectory);
        await WaitUntilAcceptingAsync();
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

    public async ValueTask DisposeAsync()
    {
        await _script.DisposeAsync();
        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private static InfraScript Start(int port, string? dataDirectory)
    {
        var environment = new Dictionary<string, string> { ["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (dataDirectory is not null)
        {
            environment["TIANXIN_PGDATA"] = dataDirectory;
        }
        return InfraScript.Start("postgres.sh", environment);
    }

    private Task WaitUntilAcceptingAsync() =>
        Wait.UntilAsync(AcceptsQueriesAsync, TimeSpan.FromSeconds(60), () => "PostgreSQL did not start:\n" + _script.Output);

    private async Task<bool> AcceptsQueriesAsync()
    {
        try
        {
            // Unpooled and asked something: a pooled connection from before a restart opens without a word to the server.
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
            await connection.OpenAsync();
            await using var probe = new NpgsqlCommand("select 1", connection);
            await probe.ExecuteScalarAsync();
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }
}
