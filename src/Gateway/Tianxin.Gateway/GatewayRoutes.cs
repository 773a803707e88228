using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Tianxin.Gateway;

/// <summary>
/// One cluster per service, reached over HTTP/2 without TLS (h2c) at the service's "grpc" endpoint: gRPC
/// needs HTTP/2, and REST over the same multiplexed connections costs the gateway about half what
/// HTTP/1.1 does.
/// </summary>
public static class GatewayRoutes
{
    public const string IdentityCluster = "identity";
    public const string Anonymous = "anonymous";
    public const string Authenticated = "default";

    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options) =>
    [
        // Sign-in, tokens and discovery: reached without a token, by definition.
        IdentityRoute("identity-connect", "/connect/{**rest}", GatewayRateLimits.TokenEndpoint),
        IdentityRoute("identity-discovery", "/.well-known/{**rest}", null),
        IdentityRoute("identity-account", "/account/{**rest}", GatewayRateLimits.TokenEndpoint),
        // A service's health and API description are public; everything else needs a token.
        .. options.Services.SelectMany(service => new[] { "health", "alive", "openapi/{document}" }.Select(path => new RouteConfig
        {
            RouteId = $"{service}-public-{path.Split('/')[0]}",
            ClusterId = service,
            Order = -1,
            AuthorizationPolicy = Anonymous,
            Match = new RouteMatch { Path = $"/api/{service}/{path}" },
            Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = $"/api/{service}" }],
        })),
        .. options.Services.Select(service => new RouteConfig
        {
            RouteId = $"{service}-rest",
            ClusterId = service,
            AuthorizationPolicy = Authenticated,
            Match = new RouteMatch { Path = $"/api/{service}/{{**remainder}}" },
            Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = $"/api/{service}" }],
        }),
        .. options.Services.Select(service => new RouteConfig
        {
            RouteId = $"{service}-grpc",
            ClusterId = service,
            AuthorizationPolicy = Authenticated,
            Match = new RouteMatch { Path = $"/tianxin.{service}.v1.{{grpcService}}/{{method}}" },
        }),
    ];

    private static RouteConfig IdentityRoute(string id, string path, string? rateLimit) => new()
    {
        RouteId = id,
        ClusterId = IdentityCluster,
        AuthorizationPolicy = Anonymous,
        RateLimiterPolicy = rateLimit,
        Match = new RouteMatch { Path = path },
    };

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
        new ClusterConfig
        {
            ClusterId = IdentityCluster,
            Destinations = new Dictionary<string, DestinationConfig> { [IdentityCluster] = new() { Address = "http://identity" } },
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.BackendTimeout },
        },
        .. options.Services.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                // Resolved by service discovery: the "grpc" endpoint of the service named <service>.
                [service] = new() { Address = $"http://_grpc.{service}" },
            },
            HttpRequest = new ForwarderRequestConfig
            {
                Version = new Version(2, 0),
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = options.BackendTimeout,
            },
            HttpClient = new HttpClientConfig
            {
                // One HTTP/2 connection caps throughput at its stream limit; let the pool open more.
                EnableMultipleHttp2Connections = true,
            },
        }),
    ];
}
