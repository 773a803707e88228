using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Grievance;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Contracts.Relief;
using Tianxin.Reporting.Features.Events;
using Tianxin.Reporting.Features.YearEnd;
using Tianxin.Testing;

namespace Tianxin.Benchmarks;

/// <summary>
/// The reporting service on real PostgreSQL and RabbitMQ started from infra/*.sh, with its own code:
///   1. ingest: events published to the broker as the services' relays publish them, consumed by the service's
///      consumers (inbox, stored event, facts), sustained events per second until the last is stored;
///   2. rebuild: a year of N stored events (persons, subsidy payments, programme payments, grants, decisions, cases)
///      derived again from scratch;
///   3. draft: the year-end report at that size (median of 5), with nothing new since the last draft, after one payment
///      and after 1,000 events of every programme.
/// </summary>
public static class ReportingBenchmark
{
    private const int Year = 2025;
    private static readonly string[] Communities = ["430103001001", "430103002001", "430103005002", "430103009003", "430103013001"];

    public static async Task RunAsync(string[] args)
    {
        var ingested = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
        var stored = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var scripts = new[] { MigrationScripts.Messaging, MigrationScripts.Audit, new MigrationScripts(typeof(EventStore).Assembly, "reporting.") };

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:reporting-db"] = await postgres.CreateDatabaseAsync("reporting", scripts),
            ["ConnectionStrings:rabbitmq"] = rabbitMq.AmqpUri.ToString(),
        });
        builder.AddNpgsqlDataSource("reporting-db");
        builder.AddMessaging("reporting", messaging => messaging.AddConsumers(EventsApi.Consumers, "events"));
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"reporting benchmark: {Environment.ProcessorCount} cores, {ingested} events through the broker, a year of {stored} stored events");

        await IngestAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), host.Services.GetRequiredService<IPublishEndpoint>(), ingested);
        await using var year = NpgsqlDataSource.Create(await postgres.CreateDatabaseAsync("reporting", scripts));
        await RebuildAndDraftAsync(year, stored);
        await host.StopAsync();
    }

    private static async Task IngestAsync(NpgsqlDataSource dataSource, IPublishEndpoint bus, int count)
    {
        var events = Events(count).ToList();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(events, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, cancellationToken) =>
            await bus.Publish(message, message.GetType(), cancellationToken));
        var published = clock.Elapsed;
        await Wait.UntilAsync(async () => await dataSource.Command("select count(*) from reported_events").ScalarAsync<long>(CancellationToken.None) == count,
            TimeSpan.FromMinutes(30), () => "The events were not all stored");
        var elapsed = clock.Elapsed;
        Console.WriteLine(FormattableString.Invariant(
            $"ingest: {count} events published in {published.TotalSeconds:0.0} s, all stored in {elapsed.TotalSeconds:0.0} s: {count / elapsed.TotalSeconds:0} events/s sustained"));
    }

    private static async Task RebuildAndDraftAsync(NpgsqlDataSource dataSource, int count)
    {
        var clock = Stopwatch.StartNew();
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync(
            "copy reported_events (message_id, event_type, source, occurred_at, payload) from stdin (format binary)"))
        {
            foreach (var message in Events(count))
            {
                var type = message.GetType();
                await copy.StartRowAsync();
                await copy.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                await copy.WriteAsync(ReportedEvents.NameOf(type), NpgsqlDbType.Text);
                await copy.WriteAsync(ReportedEvents.SourceOf(type), NpgsqlDbType.Text);
                await copy.WriteAsync(ReportedEvents.OccurredAtOf(message).ToUniversalTime(), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(JsonSerializer.Serialize(message, type, EventStore.Json), NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        Console.WriteLine(FormattableString.Invariant($"stored: {count} events written in {clock.Elapsed.TotalSeconds:0.0} s"));

        clock.Restart();
        var rebuilt = await new RebuildFigures(dataSource).HandleAsync(CancellationToken.None);
        Console.WriteLine(FormattableString.Invariant(
            $"rebuild: {rebuilt.Events} events into {rebuilt.Facts} facts and {rebuilt.Persons} persons in {clock.Elapsed.TotalSeconds:0.0} s ({rebuilt.Events / clock.Elapsed.TotalSeconds:0} events/s)"));
        await dataSource.Command("analyze").ExecuteAsync(CancellationToken.None);

        var draft = new DraftYearEndReport(dataSource);
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            clock.Restart();
            var report = await draft.HandleAsync(Year, CancellationToken.None);
            YearEndHtml.Render(report);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"draft: the {Year} report (page) at that size in {times[2]:0} ms median (min {times[0]:0}, max {times[4]:0})"));
        clock.Restart();
        var once = await draft.HandleAsync(Year, CancellationToken.None);
        var document = YearEndDocx.Render(once);
        Console.WriteLine(FormattableString.Invariant($"draft: as Word ({document.Length / 1024} KiB) in {clock.Elapsed.TotalMilliseconds:0} ms"));

        await DraftAfterAsync(dataSource, draft, "one care subsidy payment (one programme's figures counted again)",
            () => [new PaymentSettled(Guid.NewGuid(), Guid.NewGuid(), "care_subsidy", $"{Year}-12", 123.45m, "paid", null, At(12))]);
        await DraftAfterAsync(dataSource, draft, "1,000 events of every programme (every programme's figures counted again)", () => Events(1_000));
    }

    /// <summary>The draft when events have arrived since the last one: its figures counted again where they changed.</summary>
    private static async Task DraftAfterAsync(NpgsqlDataSource dataSource, DraftYearEndReport draft, string what, Func<IEnumerable<object>> arriving)
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            foreach (var message in arriving())
            {
                await dataSource.InTransactionAsync(async transaction =>
                {
                    await EventStore.AppendAsync(transaction, Guid.CreateVersion7(), message, CancellationToken.None);
                    return true;
                }, CancellationToken.None);
            }
            var clock = Stopwatch.StartNew();
            YearEndHtml.Render(await draft.HandleAsync(Year, CancellationToken.None));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        Console.WriteLine(FormattableString.Invariant($"draft after {what}: {times[2]:0} ms median (min {times[0]:0}, max {times[4]:0})"));
    }

    /// <summary>A district's year: a tenth persons, then their subsidies month by month, payments, grants, decisions and cases.</summary>
    private static IEnumerable<object> Events(int count)
    {
        var random = new Random(7);
        var persons = Math.Max(1, count / 10);
        var ids = new Guid[persons];
        for (var i = 0; i < persons; i++)
        {
            ids[i] = Guid.NewGuid();
            yield return new PersonRegistered(new EligibilityFacts(ids[i], new DateOnly(1950 + i % 60, 1 + i % 12, 1 + i % 28), i % 2 == 0 ? "male" : "female",
                Communities[i % Communities.Length], "active", 1 + i % 7, 1 + i % 4, [], 1, Guid.NewGuid()), At(1));
        }
        for (var n = persons; n < count; n++)
        {
            var person = ids[random.Next(persons)];
            var month = 1 + n % 12;
            var amount = random.Next(100, 100_000) / 100m;
            yield return (n % 10) switch
            {
                < 5 => new PaymentSettled(Guid.NewGuid(), person, n % 2 == 0 ? "care_subsidy" : "living_subsidy", $"{Year}-{month:00}", amount,
                    n % 50 == 0 ? "failed" : "paid", null, At(month)),
                5 => new EmploymentPaymentMade(Guid.NewGuid(), person, null, "employment_relief", Year, Year.ToString(CultureInfo.InvariantCulture), amount, At(month)),
                6 => new ReliefGranted(Guid.NewGuid(), person, "temporary_hardship", Year, amount, "bank_transfer", null, new DateOnly(Year, month, 10), At(month)),
                7 => new ApplicationDecided(Guid.NewGuid(), person, "child_aid", Year, "approved", amount, "rehab-institution-1", null, new DateOnly(Year, month, 10), At(month)),
                8 => new NeedAssessed(Guid.NewGuid(), person, "assistive_devices", Year, "home_visit", new DateOnly(Year, month, 5), At(month)),
                _ => new GrievanceReceived(Guid.NewGuid(), "work_order", "hotline", "subsidy", Communities[n % Communities.Length], new DateOnly(Year, month, 3), At(month)),
            };
        }
    }

    private static DateTimeOffset At(int month) => new(Year, month, 15, 2, 0, 0, TimeSpan.Zero);
}
