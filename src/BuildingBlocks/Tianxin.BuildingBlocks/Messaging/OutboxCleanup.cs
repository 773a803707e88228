using Npgsql;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>Deletes sent outbox rows and inbox rows older than their retention periods.</summary>
internal static class OutboxCleanup
{
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, MessagingOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateBatch();
        var outbox = new NpgsqlBatchCommand("delete from outbox_messages where sent_at < $1");
        outbox.Parameters.AddWithValue(now - options.OutboxRetention);
        var inbox = new NpgsqlBatchCommand("delete from inbox_messages where received_at < $1");
        inbox.Parameters.AddWithValue(now - options.InboxRetention);
        command.BatchCommands.Add(outbox);
        command.BatchCommands.Add(inbox);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
