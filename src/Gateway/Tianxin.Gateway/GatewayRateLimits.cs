using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Gateway;

/// <summary>
/// Per-client limits, so one partner's runaway loop cannot starve the others, per-address limits for calls
/// without a valid token, and a tight limit on the token endpoint per address, against password guessing (the
/// identity service also locks accounts). Addresses are the clients' as a trusted proxy names them.
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
            // A signed-in caller is limited as itself wherever it calls from; anyone else by their address (the client's,
            // as a trusted proxy names it), so that calls without a valid token are limited too.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                (Callers.NameOf(context.User), options.RequestsPerClientPerSecond, options.RequestsPerAddressPerSecond) switch
                {
                    ({ } client, > 0 and var limit, _) => PerSecond("client:" + client, limit),
                    (null, _, > 0 and var limit) => PerSecond("address:" + AddressKey(context.Connection.RemoteIpAddress), limit),
                    _ => RateLimitPartition.GetNoLimiter("unlimited"),
                });
        });

    /// <summary>An IPv4 address as itself however it arrives; an IPv6 client by its /64, which one subscriber holds whole.</summary>
    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> PerSecond(string key, int limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromSeconds(1) });
}
