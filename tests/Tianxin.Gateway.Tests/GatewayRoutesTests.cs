namespace Tianxin.Gateway.Tests;

public sealed class GatewayRoutesTests
{
    private readonly GatewayOptions _options = new();

    [Fact]
    public void Every_service_has_a_rest_route_under_api_and_a_grpc_route_by_proto_package()
    {
        var routes = GatewayRoutes.Routes(_options);

        foreach (var service in _options.Services)
        {
            Assert.Contains(routes, r => r.ClusterId == service && r.Match.Path == $"/api/{service}/{{**remainder}}");
            Assert.Contains(routes, r => r.ClusterId == service && r.Match.Path == $"/tianxin.{service}.v1.{{grpcService}}/{{method}}");
        }
    }

    [Fact]
    public void Backends_are_reached_over_http2_at_their_grpc_endpoint()
    {
        var clusters = GatewayRoutes.Clusters(_options);

        Assert.All(clusters, cluster =>
        {
            Assert.Equal(new Version(2, 0), cluster.HttpRequest!.Version);
            Assert.Equal(HttpVersionPolicy.RequestVersionExact, cluster.HttpRequest.VersionPolicy);
            Assert.Equal($"http://_grpc.{cluster.ClusterId}", Assert.Single(cluster.Destinations!).Value.Address);
        });
    }
}
