using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Events;

public sealed record EventCount(string Source, string EventType, long Events, DateTimeOffset LastOccurredAt);

public static class EventCounts
{
    public static Task<List<EventCount>> FindAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select source, event_type, count(*), max(occurred_at) from reported_events group by source, event_type order by source, event_type
                """)
            .ReadAllAsync(r => new EventCount(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetFieldValue<DateTimeOffset>(3)), cancellationToken);
}
