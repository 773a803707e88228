using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Testing;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

/// <summary>
/// A service as the platform builds one, minus HTTP: its own database with the messaging tables, the
/// outbox relay and inbox consumers on a real broker. Each instance has its own database and queues.
/// </summary>
public sealed class MessagingTestService : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingTestService(IHost host, string connectionString)
    {
        _host = host;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public IServiceProvider Services => _host.Services;
    public Outbox Outbox => Services.GetRequiredService<Outbox>();
    public NpgsqlDataSource DataSource => Services.GetRequiredService<NpgsqlDataSource>();

    public static async Task<MessagingTestService> StartAsync(PostgresServer postgres, RabbitMqServer rabbitMq,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var connectionString = await postgres.CreateDatabaseAsync("messaging", MigrationScripts.Messaging);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var schema = new NpgsqlCommand(
                """
                create table applied_things (thing_id uuid not null, sequence int not null, trace_id text null);
                create table consumer_switches (name text primary key, failing boolean not null);
                insert into consumer_switches values ('fragile', false);
                """, connection);
            await schema.ExecuteNonQueryAsync();
        }

        var serviceName = "test" + Guid.NewGuid().ToString("N")[..8];
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{serviceName}-db"] = connectionString,
            ["ConnectionStrings:rabbitmq"] = rabbitMq.AmqpUri.ToString(),
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:PublishTimeout"] = "00:00:05",
            ["Messaging:RelayMaxBackoff"] = "00:00:02",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddNpgsqlDataSource(serviceName + "-db");
        builder.AddMessaging(serviceName, messaging => messaging
            .AddConsumer<ThingHappenedConsumer>()
            .AddConsumer<FragileThingConsumer>());
        var host = builder.Build();
        await host.StartAsync();
        return new MessagingTestService(host, connectionString);
    }

    /// <summary>Writes a business row and its event in one transaction, as a service's command handler does.</summary>
    public async Task<Guid> CommitWithEventAsync<TMessage>(TMessage message) where TMessage : class
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var id = await Outbox.EnqueueAsync(transaction, message);
        await transaction.CommitAsync();
        return id;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task WaitForAsync(string countSql, long expected, TimeSpan timeout) =>
        await Wait.UntilAsync(async () => await ScalarAsync(countSql) >= expected, timeout,
            () => $"Expected {expected} from '{countSql}', saw {ScalarAsync(countSql).GetAwaiter().GetResult()}");

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
