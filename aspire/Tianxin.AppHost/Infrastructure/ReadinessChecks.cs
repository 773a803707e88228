using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Tianxin.AppHost.Infrastructure;

// Readiness of the servers that run as executables. Both checks speak the server's protocol: the DCP
// proxy in front of a server accepts TCP connections even while the server itself is still starting.

/// <summary>PostgreSQL is ready when it answers a query.</summary>
internal sealed class PostgresReadyCheck(EndpointReference endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("Port not allocated yet");
        }
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = endpoint.Port, Username = "postgres", Database = "postgres", Pooling = false, Timeout = 3,
            }.ConnectionString;
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException or IOException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}

/// <summary>RabbitMQ is ready when it answers the AMQP 0-9-1 protocol header with a method frame (Connection.Start).</summary>
internal sealed class AmqpReadyCheck(EndpointReference endpoint) : IHealthCheck
{
    private static readonly byte[] ProtocolHeader = "AMQP"u8.ToArray().Concat(new byte[] { 0, 0, 9, 1 }).ToArray();
    private const byte MethodFrame = 1;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("Port not allocated yet");
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var first = new byte[1];
            var read = await stream.ReadAsync(first, timeout.Token);
            return read == 1 && first[0] == MethodFrame
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("RabbitMQ is not accepting AMQP connections yet");
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(e.Message);
        }
    }
}
