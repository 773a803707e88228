using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tianxin.BuildingBlocks.Messaging;

internal static class MessagingTelemetry
{
    public const string Name = "Tianxin.Messaging";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> Relayed = Meter.CreateCounter<long>("tianxin.outbox.relayed", "{message}", "Outbox messages published to the broker.");
    public static readonly Counter<long> RelayFailures = Meter.CreateCounter<long>("tianxin.outbox.relay_failures", "{message}", "Outbox publishes that failed and were rescheduled.");
    public static readonly Counter<long> DuplicatesIgnored = Meter.CreateCounter<long>("tianxin.inbox.duplicates", "{message}", "Redelivered messages the inbox recognised and skipped.");
}
