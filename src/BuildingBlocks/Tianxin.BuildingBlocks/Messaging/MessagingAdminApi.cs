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
        admin.MapGet("/outbox", GetOutboxStatus).WithSummary("Outbox backlog: unsent messages and the oldest one's age");
        admin.MapGet("/error-queues", GetErrorQueues).WithSummary("Messages waiting in this service's _error queues");
        admin.MapPost("/error-queues/replay", Replay).WithSummary("Move dead-lettered messages back to the queue they failed on");
        return endpoints;
    }

    public static async Task<Ok<OutboxStatus>> GetOutboxStatus(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select count(*) as waiting, count(*) filter (where attempts > 0) as retrying,
                   extract(epoch from now() - min(created_at))::float8 as oldest_seconds
            from outbox_messages where sent_at is null
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return TypedResults.Ok(new OutboxStatus(
            reader.Get<long>("waiting"), reader.Get<long>("retrying"), reader.Nullable<double>("oldest_seconds")));
    }

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
public sealed record OutboxStatus(long Pending, long Retrying, double? OldestPendingSeconds);
