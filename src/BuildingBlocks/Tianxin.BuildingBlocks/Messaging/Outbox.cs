using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>
/// Writes integration events into the outbox inside the caller's transaction: the event exists if and
/// only if the business change commits. The relay publishes it afterwards.
/// </summary>
public sealed class Outbox
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns>The message id consumers will see.</returns>
    public async Task<Guid> EnqueueAsync<TMessage>(NpgsqlTransaction transaction, TMessage message,
        CancellationToken cancellationToken = default) where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var connection = transaction.Connection
            ?? throw new InvalidOperationException("The transaction is already completed.");
        var id = Guid.CreateVersion7();
        // The trace context travels with the row so the relay's publish joins the request's trace.
        var activity = Activity.Current;

        await using var insert = new NpgsqlCommand(
            """
            insert into outbox_messages (id, message_type, payload, trace_parent, trace_state)
            values ($1, $2, $3, $4, $5)
            """, connection, transaction);
        insert.Parameters.AddWithValue(id);
        insert.Parameters.AddWithValue(MessageTypes.NameOf(message.GetType()));
        insert.Parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonSerializer.Serialize(message, message.GetType(), Json));
        insert.Parameters.AddWithValue((object?)activity?.Id ?? DBNull.Value);
        insert.Parameters.AddWithValue((object?)activity?.TraceStateString ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }
}
