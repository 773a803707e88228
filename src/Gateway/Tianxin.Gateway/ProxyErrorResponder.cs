using Tianxin.BuildingBlocks.Web;
using Yarp.ReverseProxy.Forwarder;

namespace Tianxin.Gateway;

/// <summary>
/// When a backend cannot be reached or does not answer, YARP leaves an empty 502/503/504. Callers get
/// instead a problem-details body (REST) or a gRPC status (UNAVAILABLE, DEADLINE_EXCEEDED) they can act on;
/// a service that is down or restarting is 503 with the seconds to wait in Retry-After.
/// </summary>
public sealed class ProxyErrorResponder(RequestDelegate next)
{

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        var error = context.GetForwarderErrorFeature();
        if (error is null || context.Response.HasStarted || error.Error == ForwarderError.RequestCanceled)
        {
            return;
        }

        var status = StatusFor(error, context.Request.Method);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = OutageAnswers.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (IsGrpc(context.Request))
        {
            // A "trailers-only" gRPC answer: HTTP 200 with the gRPC status in the headers.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = GrpcStatusFor(status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers["grpc-message"] = Uri.EscapeDataString(DetailFor(status));
            return;
        }

        await Results.Problem(statusCode: status, title: TitleFor(status), detail: DetailFor(status)).ExecuteAsync(context);
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    private static int StatusFor(IForwarderErrorFeature error, string method) => error.Error switch
    {
        ForwarderError.RequestTimedOut => StatusCodes.Status504GatewayTimeout,
        // Nothing listens (down, restarting), or the request only read: retrying is safe. A connection that broke after a
        // change was sent may have carried it through: that stays a 502, without Retry-After.
        ForwarderError.NoAvailableDestinations => StatusCodes.Status503ServiceUnavailable,
        ForwarderError.Request when error.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                                    || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            => StatusCodes.Status503ServiceUnavailable,
        ForwarderError.RequestBodyClient when error.Exception is BadHttpRequestException bad => bad.StatusCode,
        ForwarderError.RequestBodyClient => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status502BadGateway,
    };

    private static int GrpcStatusFor(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status504GatewayTimeout => 4, // DEADLINE_EXCEEDED
        StatusCodes.Status413PayloadTooLarge => 8, // RESOURCE_EXHAUSTED
        StatusCodes.Status400BadRequest => 3, // INVALID_ARGUMENT
        _ => 14, // UNAVAILABLE
    };

    private static string TitleFor(int status) => status switch
    {
        StatusCodes.Status504GatewayTimeout => "服务响应超时 / The service did not answer in time",
        StatusCodes.Status503ServiceUnavailable => "服务暂不可用，请稍后重试 / The service is unavailable; retry shortly",
        StatusCodes.Status413PayloadTooLarge => "请求体过大 / Request body too large",
        StatusCodes.Status400BadRequest => "请求体无法读取 / The request body could not be read",
        _ => "服务连接中断 / The connection to the service broke",
    };

    private static string DetailFor(int status) => status switch
    {
        StatusCodes.Status504GatewayTimeout => "The backend service did not respond before the gateway's timeout. Retry later.",
        StatusCodes.Status413PayloadTooLarge => "The request body exceeds the gateway's limit.",
        StatusCodes.Status400BadRequest => "The gateway could not read the request body from the client.",
        StatusCodes.Status503ServiceUnavailable =>
            "The backend service is down or restarting. Retry after the seconds in Retry-After; the platform's operators are alerted by its health checks.",
        _ => "The connection to the backend service broke or its answer could not be read; a change may or may not have been made.",
    };
}
