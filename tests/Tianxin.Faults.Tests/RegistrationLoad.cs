using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.Faults.Tests;

/// <summary>
/// Registrations through the gateway, each an event for the services that copy the registry's facts and for the report,
/// sent as a careful client does: a 503 waits for its Retry-After and tries again, a timeout or a broken connection
/// tries again, and a 409 on a retry means an earlier try was done. Every answer is counted.
/// </summary>
/// <param name="commands">The fewest registrations sent; the load goes on past them until <see cref="FaultsOver"/>, so that
/// every fault meets traffic however long it takes.</param>
public sealed class RegistrationLoad(HttpClient gateway, int commands)
{
    public const string AddressPrefix = "故障演练巷";
    private const int MostAttempts = 30;
    private int _next = -1;
    private int _done;
    private volatile bool _faultsOver;
    private long _slowestTicks;

    public int Done => _done;

    public void FaultsOver() => _faultsOver = true;

    public ConcurrentDictionary<string, int> Answers { get; } = new();

    /// <summary>503 answers without a Retry-After, 5xx other than 503, and any other surprise, with what was said.</summary>
    public ConcurrentQueue<string> Wrong { get; } = new();

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    public Task RunAsync(int workers, TimeSpan pause) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            for (var index = Interlocked.Increment(ref _next); index < commands || !_faultsOver; index = Interlocked.Increment(ref _next))
            {
                await RegisterAsync(index);
                Interlocked.Increment(ref _done);
                await Task.Delay(pause);
            }
        })));

    /// <summary>Returns once <paramref name="count"/> registrations are done, or rethrows what stopped the load.</summary>
    public async Task UntilDoneAsync(int count, Task running)
    {
        while (Volatile.Read(ref _done) < count)
        {
            if (running.IsCompleted)
            {
                await running;
                throw new InvalidOperationException($"The load ended after {_done} registrations, before {count}.");
            }
            await Task.Delay(50);
        }
    }

    private async Task RegisterAsync(int index)
    {
        var body = new
        {
            idNumber = IdNumber(index),
            name = "王" + "伟芳娜秀英敏静丽强磊"[index % 10] + "军洋勇艳杰娟涛明超兰"[index / 10 % 10],
            address = $"{AddressPrefix}{index}号",
            communityCode = "430103001001",
        };
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > MostAttempts)
            {
                Wrong.Enqueue($"#{index}: still not registered after {MostAttempts} tries");
                return;
            }
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await gateway.PostAsJsonAsync("/api/registry/persons", body);
                Note(clock.Elapsed, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Created:
                    case HttpStatusCode.Conflict when attempt > 1:
                        return;
                    case HttpStatusCode.ServiceUnavailable when response.Headers.RetryAfter?.Delta is { } wait:
                        await Task.Delay(wait);
                        continue;
                    default:
                        Wrong.Enqueue($"#{index} try {attempt}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        await Task.Delay(TimeSpan.FromSeconds(1));
                        continue;
                }
            }
            catch (TaskCanceledException)
            {
                Note(clock.Elapsed, "timed out");
            }
            catch (HttpRequestException e)
            {
                Note(clock.Elapsed, "no connection");
                Wrong.Enqueue($"#{index} try {attempt}: the gateway itself did not answer: {e.Message}");
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private void Note(TimeSpan took, string answer)
    {
        Answers.AddOrUpdate(answer, 1, (_, n) => n + 1);
        long slowest;
        while (took.Ticks > (slowest = Interlocked.Read(ref _slowestTicks))
               && Interlocked.CompareExchange(ref _slowestTicks, took.Ticks, slowest) != slowest)
        {
        }
    }

    private static string IdNumber(int index)
    {
        var first17 = "430103" + new DateOnly(1950, 1, 1).AddDays(index * 7).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "021";
        return first17 + ResidentIdNumber.CheckCharacterOf(first17);
    }
}
