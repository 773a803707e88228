using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>Operator endpoints: outbox backlog, dead-letter counts and replay. Reached through the gateway at /api/&lt;service&gt;/admin/messaging.</summary>
public static class MessagingAdminApi
{
    public static IEndpointRouteBuilder MapMessagingAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin/messaging")
            .RequireAuthorization(PlatformPolicies.Operator)
            .WithTags("Operations");
        admin.MapGet("/outbox", GetOutboxStatus).WithSummary("Outbox backlog: unsent messages, the oldest one's age, and the dead letters");
        admin.MapGet("/outbox/dead-letters", ListOutboxDeadLetters)
            .WithSummary("Outbox messages this service could not read back as messages, the latest first (at most 500)");
        admin.MapPost("/outbox/dead-letters/replay", ReplayOutboxDeadLetters)
            .WithSummary("Move outbox dead letters (all, or the ids given) back to the outbox, once the code that reads them runs");
        admin.MapGet("/error-queues", GetErrorQueues).WithSummary("Messages waiting in this service's _error queues");
        admin.MapPost("/error-queues/replay", Replay).WithSummary("Move dead-lettered messages back to the queue they failed on");
        return endpoints;
    }

    public static async Task<Ok<OutboxStatus>> GetOutboxStatus(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select count(*) as waiting, count(*) filter (where attempts > 0) as retrying,
                   extract(epoch from now() - min(created_at))::float8 as oldest_seconds,
                   (select count(*) from outbox_dead_letters) as dead_lettered
            from outbox_messages where sent_at is null
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(new OutboxStatus(
            reader.Get<long>("waiting"), reader.Get<long>("retrying"), reader.Nullable<double>("oldest_seconds"), reader.Get<long>("dead_lettered")));
    }

    public static async Task<Ok<List<OutboxDeadLetter>>> ListOutboxDeadLetters(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        TypedResults.Ok(await dataSource.Command(
                """
                select id, message_type, created_at, attempts, last_error, dead_lettered_at
                from outbox_dead_letters order by dead_lettered_at desc limit 500
                """)
            .ReadAllAsync(reader => new OutboxDeadLetter(reader.Get<Guid>("id"), reader.Get<string>("message_type"),
                reader.Get<DateTimeOffset>("created_at"), reader.Get<int>("attempts"), reader.Get<string>("last_error"),
                reader.Get<DateTimeOffset>("dead_lettered_at")), cancellationToken));

    /// <summary>Back in the outbox with no attempts counted, under the same id, so consumers that had it still ignore it.</summary>
    public static async Task<Ok<OutboxReplayResult>> ReplayOutboxDeadLetters(OutboxReplayRequest request, NpgsqlDataSource dataSource,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new OutboxReplayResult(await dataSource.Command(
                """
                with moved as (delete from outbox_dead_letters where $1::uuid[] is null or id = any($1) returning *)
                insert into outbox_messages (id, message_type, payload, trace_parent, trace_state, created_at)
                select id, message_type, payload, trace_parent, trace_state, created_at from moved
                """, request.Ids?.ToArray())
            .ExecuteAsync(cancellationToken)));

    public static async Task<Ok<IReadOnlyList<ErrorQueueCount>>> GetErrorQueues(ErrorQueues errorQueues, CancellationToken cancellationToken) =>
        TypedResults.Ok(await errorQueues.CountAsync(cancellationToken));

    public static async Task<Results<Ok<IReadOnlyList<ReplayResult>>, ValidationProblem>> Replay(
        ReplayRequest request, ErrorQueues errorQueues, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await errorQueues.ReplayAsync(request.Queue, request.MaxMessages ?? 1000, cancellationToken));
        }
        catch (UnknownQueueException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["queue"] = [$"'{e.Queue}' 不是本服务的接收队列 / is not a receive queue of this service."],
            });
        }
    }
}

/// <param name="Queue">One receive queue, or null for all of this service's queues.</param>
/// <param name="MaxMessages">At most this many messages per queue (default 1000).</param>
public sealed record ReplayRequest(string? Queue, [property: Range(1, 100_000)] int? MaxMessages);

/// <param name="OldestPendingSeconds">Age of the oldest unsent message; null when none waits.</param>
/// <param name="DeadLettered">Messages this service could not read back, waiting for an operator (outbox/dead-letters).</param>
public sealed record OutboxStatus(long Pending, long Retrying, double? OldestPendingSeconds, long DeadLettered);

public sealed record OutboxDeadLetter(Guid Id, string MessageType, DateTimeOffset CreatedAt, int Attempts, string LastError, DateTimeOffset DeadLetteredAt);

/// <param name="Ids">The dead letters to move back; null or left out: all of them.</param>
public sealed record OutboxReplayRequest(IReadOnlyList<Guid>? Ids);

public sealed record OutboxReplayResult(int Replayed);
