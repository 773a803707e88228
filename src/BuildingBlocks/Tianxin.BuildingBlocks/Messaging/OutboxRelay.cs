using System.Diagnostics;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>
/// Publishes committed outbox rows to RabbitMQ. Rows are claimed with <c>FOR UPDATE SKIP LOCKED</c>, so
/// several replicas share the work without sending a row twice at once; a row is marked sent only after
/// the broker confirmed it, and a failed publish is retried with back-off. The broker may therefore see
/// a message more than once (a confirm lost with the connection): consumers de-duplicate by message id.
/// </summary>
internal sealed partial class OutboxRelay(
    NpgsqlDataSource dataSource,
    IBus bus,
    OutboxSignal signal,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private readonly MessagingOptions _options = options.Value;
    private DateTimeOffset _lastCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await RelayBatchAsync(stoppingToken);
                await CleanUpWhenDueAsync(stoppingToken);
                if (round.Claimed == _options.RelayBatchSize && round.Failed == 0)
                {
                    continue;
                }
                await signal.WaitAsync(_options.RelayPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogRelayFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    internal async Task<RelayRound> RelayBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rows = await ClaimAsync(connection, transaction, cancellationToken);
        if (rows.Count == 0)
        {
            await transaction.CommitAsync(cancellationToken);
            return new RelayRound(0, 0);
        }

        var outcomes = await Task.WhenAll(rows.Select(row => PublishAsync(row, cancellationToken)));
        var sent = outcomes.Where(o => o.Error is null).Select(o => o.Row.Id).ToArray();
        await MarkSentAsync(connection, transaction, sent, cancellationToken);
        foreach (var failed in outcomes.Where(o => o.Error is not null))
        {
            if (failed.Unreadable && failed.Row.Attempts + 1 >= _options.RelayUnreadableAttempts)
            {
                await DeadLetterAsync(connection, transaction, failed, cancellationToken);
                LogDeadLettered(logger, failed.Row.Id, failed.Row.MessageType, failed.Error);
            }
            else
            {
                await RescheduleAsync(connection, transaction, failed, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);

        MessagingTelemetry.Relayed.Add(sent.Length);
        var failures = rows.Count - sent.Length;
        if (failures > 0)
        {
            MessagingTelemetry.RelayFailures.Add(failures);
            LogPublishFailed(logger, failures, rows.Count, outcomes.First(o => o.Error is not null).Error);
        }
        return new RelayRound(rows.Count, failures);
    }

    private async Task<List<OutboxRow>> ClaimAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(
            """
            select id, message_type, payload::text as payload, trace_parent, trace_state, attempts
            from outbox_messages
            where sent_at is null and next_attempt_at <= now()
            order by created_at
            limit $1
            for update skip locked
            """, connection, transaction);
        claim.Parameters.AddWithValue(_options.RelayBatchSize);
        var rows = new List<OutboxRow>();
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.Get<Guid>("id"), reader.Get<string>("message_type"), reader.Get<string>("payload"),
                reader.NullableString("trace_parent"), reader.NullableString("trace_state"), reader.Get<int>("attempts")));
        }
        return rows;
    }

    private async Task<PublishOutcome> PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(row.TraceParent, row.TraceState, out var parent);
        using var activity = MessagingTelemetry.Source.StartActivity("outbox relay", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.Id.ToString());
        activity?.SetTag("messaging.message.type", row.MessageType);
        Type type;
        object message;
        try
        {
            type = MessageTypes.Resolve(row.MessageType);
            message = JsonSerializer.Deserialize(row.Payload, type, Outbox.Json)
                ?? throw new InvalidOperationException($"Outbox row {row.Id} holds a null message.");
        }
        catch (Exception e) when (e is InvalidOperationException or JsonException or NotSupportedException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            return new PublishOutcome(row, e, Unreadable: true);
        }
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.PublishTimeout);
            await bus.Publish(message, type, context => context.MessageId = row.Id, timeout.Token);
            return new PublishOutcome(row, null);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            return new PublishOutcome(row, e);
        }
    }

    private static async Task MarkSentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return;
        }
        await using var update = new NpgsqlCommand("update outbox_messages set sent_at = now() where id = any($1)", connection, transaction);
        update.Parameters.AddWithValue(ids);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task RescheduleAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PublishOutcome failed, CancellationToken cancellationToken)
    {
        await using var update = new NpgsqlCommand(
            """
            update outbox_messages
            set attempts = attempts + 1, next_attempt_at = now() + $2, last_error = $3
            where id = $1
            """, connection, transaction);
        update.Parameters.AddWithValue(failed.Row.Id);
        update.Parameters.AddWithValue(RelayBackoff.After(failed.Row.Attempts + 1, _options.RelayMaxBackoff));
        update.Parameters.AddWithValue(failed.Error!.GetType().Name + ": " + failed.Error.Message);
        await update.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task DeadLetterAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, PublishOutcome failed,
        CancellationToken cancellationToken)
    {
        await using var move = new NpgsqlCommand(
            """
            with moved as (delete from outbox_messages where id = $1 returning *)
            insert into outbox_dead_letters (id, message_type, payload, trace_parent, trace_state, created_at, attempts, last_error)
            select id, message_type, payload, trace_parent, trace_state, created_at, attempts + 1, $2 from moved
            """, connection, transaction);
        move.Parameters.AddWithValue(failed.Row.Id);
        move.Parameters.AddWithValue(failed.Error!.GetType().Name + ": " + failed.Error.Message);
        await move.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CleanUpWhenDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _lastCleanup < _options.CleanupInterval)
        {
            return;
        }
        _lastCleanup = now;
        var removed = await OutboxCleanup.RunAsync(dataSource, _options, now, cancellationToken);
        if (removed > 0)
        {
            LogCleanedUp(logger, removed);
        }
    }

    internal sealed record OutboxRow(Guid Id, string MessageType, string Payload, string? TraceParent, string? TraceState, int Attempts);

    /// <param name="Unreadable">The row could not be read back as a message: no broker was asked.</param>
    private sealed record PublishOutcome(OutboxRow Row, Exception? Error, bool Unreadable = false);

    internal sealed record RelayRound(int Claimed, int Failed);

    [LoggerMessage(LogLevel.Error, "Outbox relay round failed; retrying")]
    private static partial void LogRelayFailed(ILogger logger, Exception exception);

    [LoggerMessage(LogLevel.Warning, "{Failed} of {Claimed} outbox messages could not be published; they will be retried")]
    private static partial void LogPublishFailed(ILogger logger, int failed, int claimed, Exception? exception);

    [LoggerMessage(LogLevel.Error, "Outbox message {Id} of type {MessageType} cannot be read by this service: moved to the outbox's dead letters")]
    private static partial void LogDeadLettered(ILogger logger, Guid id, string messageType, Exception? exception);

    [LoggerMessage(LogLevel.Information, "Removed {Count} outbox and inbox rows past their retention")]
    private static partial void LogCleanedUp(ILogger logger, int count);
}
