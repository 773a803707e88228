namespace Tianxin.Gateway.Tests;

public sealed class GatewayRoutesTests
{
    // As the AppHost configures it: one entry per service it wires.
    private readonly GatewayOptions _options = new() { Services = ["registry", "rehabilitation", "relief"] };

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
    public void Domain_services_are_reached_over_http2_at_their_grpc_endpoint()
    {
        var clusters = GatewayRoutes.Clusters(_options).Where(c => c.ClusterId != GatewayRoutes.IdentityCluster);

        Assert.All(clusters, cluster =>
        {
            Assert.Equal(new Version(2, 0), cluster.HttpRequest!.Version);
            Assert.Equal(HttpVersionPolicy.RequestVersionExact, cluster.HttpRequest.VersionPolicy);
            Assert.Equal($"http://_grpc.{cluster.ClusterId}", Assert.Single(cluster.Destinations!).Value.Address);
        });
    }

    [Fact]
    public void Only_sign_in_discovery_health_and_api_descriptions_are_reachable_without_a_token()
    {
        var open = GatewayRoutes.Routes(_options).Where(r => r.AuthorizationPolicy == GatewayRoutes.Anonymous).Select(r => r.Match.Path!);

        Assert.All(open, path => Assert.Matches(@"^/(connect|\.well-known|account)/\{\*\*rest\}$|^/api/[a-z]+/(health|alive|openapi/\{document\})$", path));
        Assert.All(GatewayRoutes.Routes(_options).Where(r => r.AuthorizationPolicy != GatewayRoutes.Anonymous),
            route => Assert.Equal(GatewayRoutes.Authenticated, route.AuthorizationPolicy));
    }
}
