using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Testing;

namespace Tianxin.Benchmarks;

public static class OutboxBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        // Outbox relay benchmark on real PostgreSQL and RabbitMQ started from infra/*.sh.
        //   1. sustained: N events committed in transactions of 100; events/s from first commit to last consumed
        //   2. paced: 1,000 events/s for a while, in transactions of 10 every 10 ms; commit→consume latency
        var sustainedEvents = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var pacedSeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;

        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("bench", MigrationScripts.Messaging);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var schema = new NpgsqlCommand(
                "create table probe_arrivals (id uuid primary key, committed_at timestamptz not null, consumed_at timestamptz not null)", connection);
            await schema.ExecuteNonQueryAsync();
        }

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:bench-db"] = connectionString,
            ["ConnectionStrings:rabbitmq"] = rabbitMq.AmqpUri.ToString(),
        });
        builder.AddNpgsqlDataSource("bench-db");
        builder.AddMessaging("bench", messaging => messaging.AddConsumer<ProbeConsumer>());
        using var host = builder.Build();
        await host.StartAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var outbox = host.Services.GetRequiredService<Outbox>();

        Console.WriteLine($"outbox relay benchmark: {Environment.ProcessorCount} cores, {sustainedEvents} sustained events, {pacedSeconds} s paced at 1000 events/s");

        // 1. Sustained throughput.
        var clock = Stopwatch.StartNew();
        for (var written = 0; written < sustainedEvents; written += 100)
        {
            await CommitAsync(Math.Min(100, sustainedEvents - written));
        }
        var committedIn = clock.Elapsed;
        await WaitForArrivalsAsync(sustainedEvents, TimeSpan.FromMinutes(5));
        var drainedIn = clock.Elapsed;
        Console.WriteLine($"sustained: {sustainedEvents} events committed in {committedIn.TotalSeconds:F2} s, all consumed after {drainedIn.TotalSeconds:F2} s -> {sustainedEvents / drainedIn.TotalSeconds:F0} events/s end to end");

        // 2. Latency at a steady 1,000 events/s.
        await using (var reset = dataSource.CreateCommand("truncate probe_arrivals"))
        {
            await reset.ExecuteNonQueryAsync();
        }
        var paced = 0;
        clock.Restart();
        while (clock.Elapsed < TimeSpan.FromSeconds(pacedSeconds))
        {
            await CommitAsync(10);
            paced += 10;
            var due = TimeSpan.FromMilliseconds(paced); // 1 event per millisecond
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
        }
        var achievedRate = paced / clock.Elapsed.TotalSeconds;
        await WaitForArrivalsAsync(paced, TimeSpan.FromMinutes(2));
        await using (var percentiles = dataSource.CreateCommand(
            """
            select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms)
            from (select extract(epoch from consumed_at - committed_at) * 1000 as ms from probe_arrivals) latencies
            """))
        await using (var reader = await percentiles.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Console.WriteLine($"paced: {paced} events at {achievedRate:F0} events/s; commit->consume latency p50 {reader.GetDouble(0):F1} ms, p99 {reader.GetDouble(1):F1} ms, max {reader.GetDouble(2):F1} ms");
        }

        await host.StopAsync();

        async Task CommitAsync(int events)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            for (var i = 0; i < events; i++)
            {
                await outbox.EnqueueAsync(transaction, new ProbeEventHappened(Guid.NewGuid(), DateTimeOffset.UtcNow));
            }
            await transaction.CommitAsync();
        }

        async Task WaitForArrivalsAsync(int expected, TimeSpan timeout)
        {
            await Wait.UntilAsync(async () =>
            {
                await using var count = dataSource.CreateCommand("select count(*) from probe_arrivals");
                return (long)(await count.ExecuteScalarAsync())! >= expected;
            }, timeout, () => $"Not all {expected} events arrived");
        }
    }
}
