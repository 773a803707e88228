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
    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options) =>
    [
        .. options.Services.Select(service => new RouteConfig
        {
            RouteId = $"{service}-rest",
            ClusterId = service,
            Match = new RouteMatch { Path = $"/api/{service}/{{**remainder}}" },
            Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = $"/api/{service}" }],
        }),
        .. options.Services.Select(service => new RouteConfig
        {
            RouteId = $"{service}-grpc",
            ClusterId = service,
            Match = new RouteMatch { Path = $"/tianxin.{service}.v1.{{grpcService}}/{{method}}" },
        }),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
    [
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
