using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Audit;

/// <summary>
/// Records every call this service refused (401, 403) with who, what and from where. A failure to write
/// the record is logged and does not change the caller's answer.
/// </summary>
public sealed partial class AuditRefusals(RequestDelegate next, ILogger<AuditRefusals> logger)
{
    public async Task InvokeAsync(HttpContext context, AuditTrail audit)
    {
        await next(context);
        if (context.Response.StatusCode is not (StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            return;
        }
        try
        {
            var actor = Callers.NameOf(context.User)
                ?? (Callers.UnverifiedNameOf(context.Request.Headers.Authorization) is { } claimed ? "unverified:" + claimed : "anonymous");
            await audit.RecordAsync(actor, context.User, context.Connection.RemoteIpAddress?.ToString(), new AuditEvent(
                AuditActions.AuthorizationDenied,
                $"{context.Request.Method} {context.Request.Path}",
                context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)), context.RequestAborted);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or OperationCanceledException)
        {
            LogAuditFailed(logger, e);
        }
    }

    [LoggerMessage(LogLevel.Error, "Could not record a refused call in the audit log")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception);
}
