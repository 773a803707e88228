using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MiniExcelLibs;
using Npgsql;
using NpgsqlTypes;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Enrolments;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Relief.Features.Subsidies;
using Tianxin.Testing;

namespace Tianxin.Benchmarks;

/// <summary>
/// Relief on real PostgreSQL and RabbitMQ started from infra/*.sh, with the service's own code:
///   1. a month's run over N approved enrolments (each from this month: one line each): draft, approve, export (.xlsx and .csv);
///   2. proposal latency: CertificateChanged events committed through the outbox at 50 per second, as the registry commits
///      them, until the proposal row is written by relief's discovery consumer.
/// </summary>
public static class ReliefBenchmark
{
    public static async Task RunAsync(string[] args)
    {
        var entitlements = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var latencySeconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        await using var postgres = await PostgresServer.StartAsync();
        await using var rabbitMq = await RabbitMqServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("relief", MigrationScripts.Messaging, MigrationScripts.Audit, MigrationScripts.Funding,
            EligibilityCopy.Migrations, new MigrationScripts(typeof(StartPaymentRun).Assembly, "relief."));

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:relief-db"] = connectionString,
            ["ConnectionStrings:rabbitmq"] = rabbitMq.AmqpUri.ToString(),
            ["PersonalData:ActiveKeyId"] = "bench",
            ["PersonalData:EncryptionKeys:bench"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["PersonalData:BlindIndexKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        });
        builder.AddNpgsqlDataSource("relief-db");
        builder.AddMessaging("relief", messaging => messaging.AddConsumer<SubsidyDiscoveryConsumer>());
        builder.AddPersonalDataProtection();
        builder.Services.AddSingleton(TimeProvider.System).AddSingleton<SubsidyDiscovery>();
        using var host = builder.Build();
        await host.StartAsync();
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var protector = host.Services.GetRequiredService<PersonalDataProtector>();

        Console.WriteLine($"relief benchmark: {Environment.ProcessorCount} cores, {entitlements} entitlements, proposals at 50/s for {latencySeconds} s");
        await RunMonthAsync(dataSource, protector, entitlements);
        await ProposalLatencyAsync(dataSource, host.Services.GetRequiredService<Outbox>(), latencySeconds);
        await host.StopAsync();
    }

    private static async Task RunMonthAsync(NpgsqlDataSource dataSource, PersonalDataProtector protector, int entitlements)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1);
        await EnrolAsync(dataSource, protector, entitlements, month);
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        var started = await new StartPaymentRun(dataSource, new PaymentRunSignal(), TimeProvider.System).HandleAsync(
            new StartPaymentRunRequest(TwoSubsidies.Care, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), null), AreaScope.District, "bench",
            CancellationToken.None);
        var run = started.Value.Id;
        await new PaymentRunComputation(dataSource).ComputeAsync(run, CancellationToken.None);
        var draft = clock.Elapsed;
        var move = new MovePaymentRun(dataSource, new Outbox(), new PaymentRunSignal(), TimeProvider.System);
        await move.SubmitAsync(run, AreaScope.District, "bench", CancellationToken.None);
        var approved = await move.ApproveAsync(run, AreaScope.District, "bench", CancellationToken.None);
        var approve = clock.Elapsed - draft;
        var list = await new PaymentList(dataSource, protector).HandleAsync(run, AreaScope.District, CancellationToken.None);
        var xlsx = BankFiles.Write(list.Value, ExcelType.XLSX);
        var export = clock.Elapsed - draft - approve;
        var csv = BankFiles.Write(list.Value, ExcelType.CSV);
        var total = clock.Elapsed;
        Process.GetCurrentProcess().Refresh();
        Console.WriteLine(
            $"run over {entitlements} entitlements ({approved.Value.LineCount} lines, {approved.Value.Total:0.00} yuan): " +
            $"draft {draft.TotalSeconds:F1} s, approve {approve.TotalSeconds:F1} s, export .xlsx {export.TotalSeconds:F1} s ({xlsx.Length / 1_048_576.0:F1} MB), " +
            $".csv {(total - draft - approve - export).TotalSeconds:F1} s ({csv.Length / 1_048_576.0:F1} MB); total {total.TotalSeconds:F1} s");
        Console.WriteLine($"  process memory: peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MB (before the run {before / 1_048_576} MB)");
        Console.WriteLine($"  database: {await dataSource.Command("select pg_size_pretty(pg_database_size(current_database()))").ScalarAsync<string>(CancellationToken.None)}");
    }

    /// <summary>Approved enrolments from this month, with encrypted accounts, written with binary COPY (not timed).</summary>
    private static async Task EnrolAsync(NpgsqlDataSource dataSource, PersonalDataProtector protector, int count, DateOnly startsMonth)
    {
        await dataSource.Command(
            "insert into subsidy_rules (subsidy, year, monthly_amount, grades, updated_by) values ('care_subsidy', $1, 110.00, '{1,2}', 'bench') on conflict do nothing",
            startsMonth.Year).ExecuteAsync(CancellationToken.None);
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var writer = await connection.BeginBinaryImportAsync(
            """
            copy enrolments (id, person_id, subsidy, community_code, status, matched_rule, proposed_from, starts_month, bank_account, account_holder,
                             approved_at) from stdin (format binary)
            """);
        var approvedAt = DateTimeOffset.UtcNow.AddDays(-1);
        for (var i = 0; i < count; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
            await writer.WriteAsync(TwoSubsidies.Care, NpgsqlDbType.Text);
            await writer.WriteAsync($"430103{1 + i % 14:D3}{1 + i % 3:D3}", NpgsqlDbType.Text);
            await writer.WriteAsync("approved", NpgsqlDbType.Text);
            await writer.WriteAsync("bench", NpgsqlDbType.Text);
            await writer.WriteAsync("bench", NpgsqlDbType.Text);
            await writer.WriteAsync(startsMonth, NpgsqlDbType.Date);
            await writer.WriteAsync(protector.Encrypt($"62170{i:D14}", AcceptEnrolment.AccountPurpose), NpgsqlDbType.Bytea);
            await writer.WriteAsync(protector.Encrypt("演示户名", AcceptEnrolment.HolderPurpose), NpgsqlDbType.Bytea);
            await writer.WriteAsync(approvedAt, NpgsqlDbType.TimestampTz);
        }
        await writer.CompleteAsync();
    }

    private static async Task ProposalLatencyAsync(NpgsqlDataSource dataSource, Outbox outbox, int seconds)
    {
        var persons = new List<Guid>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            var person = Guid.CreateVersion7();
            persons.Add(person);
            await using (var connection = await dataSource.OpenConnectionAsync())
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                var facts = new EligibilityFacts(person, new DateOnly(1960, 5, 1), "male", "430103001001", "active", 4, 1, [], 2);
                await outbox.EnqueueAsync(transaction, new CertificateChanged(Guid.NewGuid(), person, "issued", 4, 1,
                    DateOnly.FromDateTime(DateTime.UtcNow), [facts], DateTimeOffset.UtcNow));
                await transaction.CommitAsync();
            }
            var due = TimeSpan.FromMilliseconds(20 * persons.Count); // 50 per second
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
        }
        var rate = persons.Count / clock.Elapsed.TotalSeconds;
        await Wait.UntilAsync(async () => await dataSource.Command("select count(*) from enrolments where proposed_from = 'certificate_issued'")
            .ScalarAsync<long>(CancellationToken.None) == persons.Count, TimeSpan.FromMinutes(2), () => "Not every certificate was proposed");
        var (p50, p99, max) = (await dataSource.Command(
                """
                select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms), max(ms)
                from (select extract(epoch from e.proposed_at - o.created_at) * 1000 as ms
                      from enrolments e join outbox_messages o on (o.payload ->> 'personId')::uuid = e.person_id
                      where e.proposed_from = 'certificate_issued') latencies
                """).ReadAllAsync(r => (r.GetDouble(0), r.GetDouble(1), r.GetDouble(2)), CancellationToken.None)).Single();
        Console.WriteLine($"proposals: {persons.Count} certificates at {rate:F0}/s; committed -> proposal written p50 {p50:F1} ms, p99 {p99:F1} ms, max {max:F1} ms");
    }
}
