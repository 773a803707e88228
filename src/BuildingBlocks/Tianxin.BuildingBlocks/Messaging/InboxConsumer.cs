using MassTransit;
using Npgsql;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>
/// Base of every idempotent consumer of one message type; see <see cref="Inbox"/>.
/// </summary>
public abstract class InboxConsumer<TMessage>(NpgsqlDataSource dataSource) : IConsumer<TMessage>
    where TMessage : class
{
    public Task Consume(ConsumeContext<TMessage> context) =>
        Inbox.ApplyOnceAsync(dataSource, context, GetType().FullName!,
            transaction => HandleAsync(context.Message, transaction, context.CancellationToken));

    /// <summary>Apply the message's effect using <paramref name="transaction"/>; write follow-up events with <see cref="Outbox"/> in it.</summary>
    protected abstract Task HandleAsync(TMessage message, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}

/// <summary>
/// The inbox row and the consumer's effect commit in one transaction, so a redelivered message (a lost
/// ack, a relay that published twice) is recognised and changes nothing. Throwing rolls both back;
/// MassTransit retries, then moves the message to the <c>_error</c> queue.
/// </summary>
public static class Inbox
{
    public static async Task ApplyOnceAsync<TMessage>(NpgsqlDataSource dataSource, ConsumeContext<TMessage> context, string consumer,
        Func<NpgsqlTransaction, Task> apply) where TMessage : class
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId and cannot be de-duplicated.");
        var cancellationToken = context.CancellationToken;

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // A concurrent duplicate blocks on the primary key until this transaction ends, then skips.
        await using var claim = new NpgsqlCommand(
            """
            insert into inbox_messages (message_id, consumer, message_type) values ($1, $2, $3)
            on conflict do nothing
            """, connection, transaction);
        claim.Parameters.AddWithValue(messageId);
        claim.Parameters.AddWithValue(consumer);
        claim.Parameters.AddWithValue(typeof(TMessage).FullName!);
        if (await claim.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            MessagingTelemetry.DuplicatesIgnored.Add(1);
            return;
        }

        await apply(transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
