using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// A gRPC call that authentication or authorisation refuses gets a gRPC answer: UNAUTHENTICATED or
/// PERMISSION_DENIED with grpc-status and grpc-message, instead of a bare HTTP 401/403 that clients report as
/// "Bad gRPC response. HTTP status code: 401". Each refusal is logged with the caller and the method.
/// </summary>
public sealed partial class GrpcRefusals(RequestDelegate next, ILogger<GrpcRefusals> logger)
{
    private const int Unauthenticated = 16;
    private const int PermissionDenied = 7;

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.HasStarted || context.Response.StatusCode is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }
        var (status, message) = context.Response.StatusCode == StatusCodes.Status401Unauthorized
            ? (Unauthenticated, "需要本服务的有效令牌 / A valid token for this service is needed")
            : (PermissionDenied, "令牌没有调用此方法的权限 / The token does not allow this method");
        Refused(logger, context.Request.Path, status == Unauthenticated ? "unauthenticated" : "permission_denied",
            Callers.NameOf(context.User) ?? Callers.UnverifiedNameOf(context.Request.Headers.Authorization.ToString()) ?? "anonymous");
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "gRPC call {Method} refused ({Refusal}) for {Caller}")]
    private static partial void Refused(ILogger logger, string method, string refusal, string caller);
}
