using Npgsql;
using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.Benchmarks;

public sealed record ProbeEventHappened(Guid Id, DateTimeOffset CommittedAt);

/// <summary>An ordinary inbox consumer whose effect is to record when the event arrived.</summary>
public sealed class ProbeConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ProbeEventHappened>(dataSource)
{
    protected override async Task HandleAsync(ProbeEventHappened message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "insert into probe_arrivals (id, committed_at, consumed_at) values ($1, $2, clock_timestamp())",
            transaction.Connection, transaction);
        insert.Parameters.AddWithValue(message.Id);
        insert.Parameters.AddWithValue(message.CommittedAt);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
