using System.Text.Json;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.Events;

/// <summary>Keeps each event as it arrived and projects it into facts and persons, in the consumer's transaction.</summary>
public static class EventStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task AppendAsync(NpgsqlTransaction transaction, Guid messageId, object message, CancellationToken cancellationToken)
    {
        // Before the event's row: a rebuild holds the counting lock and then waits for the events table, so taking the
        // lock after writing the row deadlocked with it.
        await transaction.Command($"select pg_advisory_xact_lock_shared({DistrictFigures.CountingLock})").ExecuteAsync(cancellationToken);
        var type = message.GetType();
        var stored = await transaction.Command(
            """
            insert into reported_events (message_id, event_type, source, occurred_at, payload) values ($1, $2, $3, $4, $5::jsonb)
            on conflict (message_id) do nothing
            """, messageId, ReportedEvents.NameOf(type), ReportedEvents.SourceOf(type), ReportedEvents.OccurredAtOf(message).ToUniversalTime(),
            JsonSerializer.Serialize(message, type, Json))
            .ExecuteAsync(cancellationToken);
        if (stored == 1)
        {
            await Projection.ApplyAsync(transaction, [(messageId, message)], cancellationToken);
        }
    }

    public static object? Read(string eventType, string payload) =>
        ReportedEvents.Resolve(eventType) is { } type ? JsonSerializer.Deserialize(payload, type, Json) : null;
}
