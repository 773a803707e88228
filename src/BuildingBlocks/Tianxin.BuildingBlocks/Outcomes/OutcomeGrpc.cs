using Grpc.Core;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.BuildingBlocks.Outcomes;

/// <summary>gRPC status for failures, the counterpart of <see cref="OutcomeHttp"/>: a failure becomes an RpcException.</summary>
public static class OutcomeGrpc
{
    public static async Task<TReply> ToGrpc<T, TReply>(this Task<Outcome<T>> outcome, Func<T, TReply> reply) =>
        (await outcome).ToGrpc(reply);

    public static TReply ToGrpc<T, TReply>(this Outcome<T> outcome, Func<T, TReply> reply) =>
        outcome.Succeeded ? reply(outcome.Value) : throw ToRpcException(outcome.Failure!);

    public static RpcException ToRpcException(Failure failure) => failure switch
    {
        Failure.Invalid invalid => GrpcErrors.InvalidArgument(invalid.Title, invalid.Errors),
        Failure.NotFound notFound => GrpcErrors.Status(StatusCode.NotFound, notFound.Title),
        Failure.Conflict { Rule: { } rule } conflict => GrpcErrors.Status(StatusCode.FailedPrecondition, $"{rule}: {conflict.Title}"),
        Failure.Conflict conflict => GrpcErrors.Status(StatusCode.FailedPrecondition, conflict.Title),
        Failure.Duplicate duplicate => GrpcErrors.Status(StatusCode.AlreadyExists, duplicate.Title),
        Failure.Forbidden forbidden => GrpcErrors.Status(StatusCode.PermissionDenied, forbidden.Title),
        _ => throw new InvalidOperationException($"No gRPC status for {failure.GetType().Name}."),
    };
}
