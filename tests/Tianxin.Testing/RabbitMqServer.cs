using System.Globalization;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Tianxin.Testing;

/// <summary>
/// A RabbitMQ node on free ports with its own data directory, which survives <see cref="KillAsync"/> and
/// <see cref="StartAgainAsync"/>: what a crash and restart of the broker look like to the platform.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly string _dataDirectory;
    private InfraScript _script;

    private RabbitMqServer(Dictionary<string, string> environment, string dataDirectory, InfraScript script, int port)
    {
        _environment = environment;
        _dataDirectory = dataDirectory;
        _script = script;
        Port = port;
    }

    public int Port { get; }

    public Uri AmqpUri => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    public static async Task<RabbitMqServer> StartAsync()
    {
        var port = InfraScript.FreePort();
        var dataDirectory = Directory.CreateTempSubdirectory("tianxin-test-rabbit").FullName;
        var environment = new Dictionary<string, string>
        {
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = InfraScript.FreePort().ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = InfraScript.FreePort().ToString(CultureInfo.InvariantCulture),
            ["TIANXIN_RABBITDATA"] = dataDirectory,
        };
        var server = new RabbitMqServer(environment, dataDirectory, InfraScript.Start("rabbitmq.sh", environment), port);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>SIGKILL to the broker: no clean shutdown, unconfirmed publishes and unacked deliveries in flight are cut.</summary>
    public async Task KillAsync()
    {
        // The Erlang VM's command line carries this node's home directory, which is unique to it.
        System.Diagnostics.Process.Start("pkill", ["-KILL", "-f", $"beam.smp.*{_dataDirectory}/home"])!.WaitForExit();
        await Wait.UntilAsync(() => Task.FromResult(_script.HasExited), TimeSpan.FromSeconds(30), () => "The broker's script did not exit after SIGKILL");
        await _script.DisposeAsync();
    }

    public async Task StartAgainAsync()
    {
        _script = InfraScript.Start("rabbitmq.sh", _environment);
        await WaitUntilReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _script.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    private Task WaitUntilReadyAsync() =>
        Wait.UntilAsync(AcceptsConnectionsAsync, TimeSpan.FromSeconds(90), () => "RabbitMQ did not start:\n" + _script.Output);

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            await using var connection = await new ConnectionFactory { Uri = AmqpUri }.CreateConnectionAsync();
            return true;
        }
        catch (BrokerUnreachableException)
        {
            return false;
        }
    }
}
