using System.Diagnostics;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

public sealed record ThingHappened(Guid ThingId, int Sequence);

public sealed record FragileThingHappened(Guid ThingId);

/// <summary>Records every application of an event: duplicates would show as repeated thing ids.</summary>
public sealed class ThingHappenedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ThingHappened>(dataSource)
{
    protected override async Task HandleAsync(ThingHappened message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand(
            "insert into applied_things (thing_id, sequence, trace_id) values ($1, $2, $3)", transaction.Connection, transaction);
        insert.Parameters.AddWithValue(message.ThingId);
        insert.Parameters.AddWithValue(message.Sequence);
        insert.Parameters.AddWithValue((object?)Activity.Current?.TraceId.ToHexString() ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Fails while the "fragile" switch is on, as a consumer with a bug or a missing dependency would.</summary>
public sealed class FragileThingConsumer(NpgsqlDataSource dataSource) : InboxConsumer<FragileThingHappened>(dataSource)
{
    protected override async Task HandleAsync(FragileThingHappened message, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var failing = new NpgsqlCommand("select failing from consumer_switches where name = 'fragile'", transaction.Connection, transaction);
        if (await failing.ExecuteScalarAsync(cancellationToken) is true)
        {
            throw new InvalidOperationException("The fragile consumer is switched to fail.");
        }
        await using var insert = new NpgsqlCommand(
            "insert into applied_things (thing_id, sequence) values ($1, 0)", transaction.Connection, transaction);
        insert.Parameters.AddWithValue(message.ThingId);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
