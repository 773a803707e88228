using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Gateway;

/// <summary>
/// Per-client limits, so one partner's runaway loop cannot starve the others, and a tight limit on the
/// token endpoint per address, against password guessing (the identity service also locks accounts).
/// </summary>
public static class GatewayRateLimits
{
    public const string TokenEndpoint = "token-endpoint";

    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, GatewayOptions options) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests,
                    title: "请求过于频繁 / Too many requests",
                    detail: "This client sent more requests than the gateway allows; retry after the time in Retry-After.")
                    .ExecuteAsync(context.HttpContext);
            };
            limiter.AddPolicy(TokenEndpoint, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.TokenRequestsPerMinute, Window = TimeSpan.FromMinutes(1) }));
            if (options.RequestsPerClientPerSecond > 0)
            {
                limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Callers.NameOf(context.User) is { } client
                        ? RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = options.RequestsPerClientPerSecond,
                            Window = TimeSpan.FromSeconds(1),
                        })
                        : RateLimitPartition.GetNoLimiter("anonymous"));
            }
        });
}
