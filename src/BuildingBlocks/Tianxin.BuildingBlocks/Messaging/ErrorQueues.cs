using Microsoft.Extensions.Configuration;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>
/// Ops' view of dead letters: how many messages wait in each of this service's <c>_error</c> queues,
/// and replay, which moves them back to the queue they failed on. A message is acknowledged in the
/// error queue only after the broker confirmed its copy, so a crash mid-replay duplicates rather than
/// loses it, and the inbox absorbs the duplicate.
/// </summary>
public sealed class ErrorQueues(MessagingEndpoints endpoints, IConfiguration configuration)
{
    public async Task<IReadOnlyList<ErrorQueueCount>> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        var counts = new List<ErrorQueueCount>();
        foreach (var queue in endpoints.Queues)
        {
            counts.Add(new ErrorQueueCount(queue, MessagingEndpoints.ErrorQueueOf(queue),
                await CountAsync(connection, MessagingEndpoints.ErrorQueueOf(queue), cancellationToken)));
        }
        return counts;
    }

    /// <returns>How many messages were moved back, per queue.</returns>
    public async Task<IReadOnlyList<ReplayResult>> ReplayAsync(string? queue, int maxMessages, CancellationToken cancellationToken)
    {
        var queues = queue is null ? endpoints.Queues : endpoints.Queues.Where(q => q == queue).ToList();
        if (queues.Count == 0)
        {
            throw new UnknownQueueException(queue!);
        }

        await using var connection = await ConnectAsync(cancellationToken);
        var results = new List<ReplayResult>();
        foreach (var target in queues)
        {
            results.Add(new ReplayResult(target, await ReplayQueueAsync(connection, target, maxMessages, cancellationToken)));
        }
        return results;
    }

    private static async Task<int> ReplayQueueAsync(IConnection connection, string queue, int maxMessages, CancellationToken cancellationToken)
    {
        var errorQueue = MessagingEndpoints.ErrorQueueOf(queue);
        if (await CountAsync(connection, errorQueue, cancellationToken) == 0)
        {
            return 0;
        }

        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        var replayed = 0;
        while (replayed < maxMessages)
        {
            var delivery = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
            if (delivery is null)
            {
                break;
            }
            var properties = new BasicProperties(delivery.BasicProperties)
            {
                Headers = delivery.BasicProperties.Headers?
                    .Where(header => !header.Key.StartsWith("MT-Fault", StringComparison.Ordinal) && header.Key != "MT-Reason")
                    .ToDictionary(header => header.Key, header => header.Value),
            };
            // MassTransit binds an exchange of the queue's own name to each receive queue.
            await channel.BasicPublishAsync(queue, string.Empty, mandatory: true, properties, delivery.Body, cancellationToken);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, cancellationToken);
            replayed++;
        }
        return replayed;
    }

    private static async Task<uint> CountAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        // A passive declare of a missing queue closes the channel, hence a channel per look.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException)
        {
            return 0;
        }
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            Uri = new Uri(configuration.GetConnectionString(MessagingExtensions.ConnectionName)!),
            ClientProvidedName = $"{endpoints.ServiceName}-error-queue-ops",
        }.CreateConnectionAsync(cancellationToken);
}

public sealed record ErrorQueueCount(string Queue, string ErrorQueue, uint Messages);

public sealed record ReplayResult(string Queue, int Replayed);

public sealed class UnknownQueueException(string queue) : Exception($"'{queue}' is not a receive queue of this service.")
{
    public string Queue { get; } = queue;
}
