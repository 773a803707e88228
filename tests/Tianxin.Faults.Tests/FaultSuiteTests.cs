using System.Diagnostics;
using System.Net;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Xunit.Abstractions;

namespace Tianxin.Faults.Tests;

/// <summary>
/// While at least 1,000 registrations go through the gateway (as many more as the faults take), RabbitMQ is killed, a consuming service is killed and the database
/// server stops for a few seconds. Afterwards every registration is in every service that copies it, and in the report, exactly once;
/// callers were told to retry (503 with Retry-After) and none waited beyond its timeout.
/// </summary>
public sealed class FaultSuiteTests(ITestOutputHelper output)
{
    private const int Commands = 1_000;
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Down = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromMinutes(3);
    private static readonly string[] Copies = ["rehabilitation", "relief", "employment"];

    [Fact]
    public async Task Every_registration_reaches_every_consumer_once_through_a_broker_kill_a_service_kill_and_a_database_restart()
    {
        await using var platform = await FaultPlatform.StartAsync();
        using var administrator = await platform.DistrictAdministratorAsync(ClientTimeout);
        var load = new RegistrationLoad(administrator, Commands);
        var running = load.RunAsync(workers: 2, pause: TimeSpan.FromMilliseconds(50));

        await load.UntilDoneAsync(150, running);
        platform.Kill("rabbitmq-server");
        await Task.Delay(Down);
        var starts = await platform.StartAgainAsync("rabbitmq-server");

        await load.UntilDoneAsync(400, running);
        platform.Kill("rehabilitation");
        var whileDown = await AskAsync(administrator, "/api/rehabilitation/info");
        await Task.Delay(Down);
        starts += await platform.StartAgainAsync("rehabilitation");

        await load.UntilDoneAsync(650, running);
        await platform.StopAsync("postgres");
        await Task.Delay(Down);
        starts += await platform.StartAgainAsync("postgres");
        var lastFaultOver = Stopwatch.StartNew();
        load.FaultsOver();
        await running;

        var registered = await RegisteredAsync(platform);
        var effects = await EffectsOnceRecoveredAsync(platform, registered);
        var recovery = lastFaultOver.Elapsed;

        output.WriteLine($"commands {load.Done}, registered {registered.Length}, answers {string.Join(", ", load.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"))}");
        foreach (var (consumer, (present, doubled)) in effects)
        {
            // The copies hold a person once by their key: only the report, which keeps each event it received, and the audit can show a double.
            output.WriteLine($"{consumer}: effects {present}, lost {registered.Length - present}" + (consumer is "reporting" or "registry audit" ? $", doubled {doubled}" : ""));
        }
        output.WriteLine($"slowest answer {load.Slowest.TotalSeconds:0.0} s; recovered {recovery.TotalSeconds:0} s after the last fault; " +
                         $"rehabilitation while down: {whileDown}; {starts} starts for 3 restarts");

        Assert.Empty(load.Wrong);
        Assert.True(load.Done >= Commands, $"only {load.Done} registrations were sent");
        Assert.Equal(load.Done, registered.Length);
        Assert.All(effects, effect => Assert.Equal((registered.Length, 0L), effect.Value));
        Assert.DoesNotContain("timed out", load.Answers.Keys);
        Assert.True(load.Slowest < FaultPlatform.BackendTimeout + TimeSpan.FromSeconds(1), $"an answer took {load.Slowest}");
        Assert.True(load.Answers.GetValueOrDefault("503") > 0, "no caller met the database while it was down");
        Assert.Contains(whileDown, new[] { "503 retry after 5 s", "no answer in time" });
    }

    /// <summary>What a caller is told about a service that was just killed.</summary>
    private static async Task<string> AskAsync(HttpClient client, string path)
    {
        try
        {
            using var response = await client.GetAsync(path);
            return response.StatusCode == HttpStatusCode.GatewayTimeout
                ? "no answer in time" // a connection the local proxy kept open to the killed process
                : $"{(int)response.StatusCode} retry after {response.Headers.RetryAfter?.Delta?.TotalSeconds} s";
        }
        catch (TaskCanceledException)
        {
            return "timed out";
        }
    }

    private static async Task<Guid[]> RegisteredAsync(FaultPlatform platform)
    {
        await using var registry = NpgsqlDataSource.Create(await platform.ConnectionStringAsync("registry"));
        return [.. await registry.Command("select id from persons where address like $1", RegistrationLoad.AddressPrefix + "%")
            .ReadAllAsync(reader => reader.GetGuid(0), CancellationToken.None)];
    }

    /// <summary>Per consumer, the registrations it holds and how many it holds more than once, once all are there or the limit is up.</summary>
    private static async Task<Dictionary<string, (long Present, long Doubled)>> EffectsOnceRecoveredAsync(FaultPlatform platform, Guid[] registered)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var effects = new Dictionary<string, (long, long)>();
            foreach (var copy in Copies)
            {
                effects[copy] = await CountAsync(platform, copy, "select count(*), 0::bigint from eligibility_persons where person_id = any($1)", registered);
            }
            effects["reporting"] = await CountAsync(platform, "reporting",
                """
                select count(distinct payload->'person'->>'personId'), count(*) - count(distinct payload->'person'->>'personId')
                from reported_events where event_type = 'PersonRegistered' and (payload->'person'->>'personId')::uuid = any($1)
                """, registered);
            // The registry's own record of who registered each person: it commits with the registration or not at all.
            effects["registry audit"] = await CountAsync(platform, "registry",
                """
                select count(distinct resource), count(*) - count(distinct resource)
                from audit_events where action = 'personal_data.changed' and outcome = 'registered' and resource = any($1)
                """, registered.Select(id => $"person:{id}").ToArray());
            if (effects.Values.All(e => e.Item1 == registered.Length) || deadline.Elapsed > RecoveryLimit)
            {
                return effects;
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private static async Task<(long, long)> CountAsync(FaultPlatform platform, string service, string sql, object keys)
    {
        await using var database = NpgsqlDataSource.Create(await platform.ConnectionStringAsync(service));
        var counts = await database.Command(sql, keys).ReadAllAsync(reader => (reader.GetInt64(0), reader.GetInt64(1)), CancellationToken.None);
        return counts.Single();
    }
}
