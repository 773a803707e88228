namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// Ops read the dashboard's trace list: background polling that finds nothing (outbox relays, workers, timers)
/// must not start a trace per poll, as every relay's query once did, several a second in every service.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class IdleTracesTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_idle_minute_starts_no_database_trace()
    {
        // What the tests before this one did reaches the receiver first (the processes export every 500 ms).
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = platform.Otlp.Spans.Count;

        await Task.Delay(TimeSpan.FromMinutes(1));

        var received = platform.Otlp.Spans.Skip(before).ToList();
        var databaseRoots = received.Where(span => span is { ParentSpanId: "", Scope: "Npgsql" }).ToList();
        Assert.True(databaseRoots.Count == 0,
            $"{databaseRoots.Count} database statements started traces of their own in an idle minute: "
            + string.Join(", ", databaseRoots.GroupBy(span => span.Service).Select(group => $"{group.Key} {group.Count()}")));
    }
}
