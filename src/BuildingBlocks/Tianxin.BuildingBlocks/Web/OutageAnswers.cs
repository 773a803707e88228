using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// A request that failed because the service's database is away (down, restarting, refusing connections) is
/// neither the caller's mistake nor a bug: REST answers 503 with Retry-After and gRPC UNAVAILABLE, which clients
/// know to retry, instead of a 500 or UNKNOWN. Usually the request's transaction did not commit; when the outage struck
/// just as it did (at the commit itself, or reading the result back) the change may stand, which the answer says: a
/// registration retried is then a 409, other creations should be looked up before they are repeated.
/// </summary>
public static class OutageAnswers
{
    public const int RetryAfterSeconds = 5;
    public const string Title = "服务暂时不可用，请稍后重试 / The service is briefly unavailable; retry shortly";

    public sealed class Rest(IProblemDetailsService problemDetails) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (!Outages.Is(exception))
            {
                return false;
            }
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return await problemDetails.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = Title,
                    Detail = $"A store this service needs is unavailable. Retry after {RetryAfterSeconds} seconds. " +
                             "If the outage struck as a change was saved, the change may stand: look before repeating a creation.",
                },
            });
        }
    }

    public sealed class Grpc : Interceptor
    {
        public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
            UnaryServerMethod<TRequest, TResponse> continuation) =>
            Guarded(() => continuation(request, context));

        public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
            ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
            Guarded(async () =>
            {
                await continuation(request, responseStream, context);
                return true;
            });

        public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
            ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
            Guarded(() => continuation(requestStream, context));

        public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream,
            IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
            Guarded(async () =>
            {
                await continuation(requestStream, responseStream, context);
                return true;
            });

        private static async Task<T> Guarded<T>(Func<Task<T>> call)
        {
            try
            {
                return await call();
            }
            catch (Exception e) when (Outages.Is(e))
            {
                throw Unavailable(e);
            }
        }

        private static RpcException Unavailable(Exception cause) =>
            new(new Status(StatusCode.Unavailable, Title, cause), new Metadata { { "retry-after", RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) } });
    }
}
