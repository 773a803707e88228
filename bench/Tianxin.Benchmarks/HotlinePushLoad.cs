using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Tianxin.Protos.Grievance.V1;

namespace Tianxin.Benchmarks;

/// <summary>
/// The 12345 hotline pushing new orders over gRPC through the gateway, each a new order number, from a few
/// concurrent callers for a fixed time: the orders created per second and the latency percentiles of a push.
/// </summary>
public static class HotlinePushLoad
{
    public static async Task RunAsync(string[] args)
    {
        var address = args[0];
        var token = args[1];
        var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var callers = int.Parse(args[3], CultureInfo.InvariantCulture);
        using var channel = GrpcChannel.ForAddress(address);
        var client = new GrievanceService.GrievanceServiceClient(channel);
        var headers = new Metadata { { "Authorization", "Bearer " + token } };
        var run = Guid.NewGuid().ToString("N")[..8];
        var next = 0;
        await PushAsync(client, headers, $"W{run}-warm", CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var latencies = new List<double>[callers];
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            latencies[caller] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await PushAsync(client, headers, $"B{run}-{Interlocked.Increment(ref next):D7}", CancellationToken.None);
                latencies[caller].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        Console.WriteLine(FormattableString.Invariant(
            $"  {all.Count:N0} orders in {clock.Elapsed.TotalSeconds:0.0} s: {all.Count / clock.Elapsed.TotalSeconds:0} orders/s, {callers} callers, latency p50 {Percentile(all, 0.50):0.0} ms p99 {Percentile(all, 0.99):0.0} ms"));
    }

    private static async Task PushAsync(GrievanceService.GrievanceServiceClient client, Metadata headers, string orderNo, CancellationToken cancellationToken)
    {
        var pushed = await client.PushWorkOrderAsync(new PushWorkOrderRequest
        {
            OrderNo = orderNo, OrderType = "help_request", ReceivedAt = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            CommunityCode = "430103001001", Subject = "accessibility", Narrative = "小区出入口无坡道", CitizenName = "来电市民", CitizenPhone = "13700000000",
        }, headers, cancellationToken: cancellationToken);
        if (!pushed.Created)
        {
            throw new InvalidOperationException($"Order {orderNo} was not created.");
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
