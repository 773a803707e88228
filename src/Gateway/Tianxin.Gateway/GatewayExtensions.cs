using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.Gateway;

public static class GatewayExtensions
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.AddSingleton(options);
        // The gateway checks that a token is genuine and current; each service checks that it is meant for it.
        builder.AddPlatformSecurity(audience: null);
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.AddGatewayRateLimits(options);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes);
        builder.Services.AddReverseProxy()
            .LoadFromMemory(GatewayRoutes.Routes(options), GatewayRoutes.Clusters(options))
            .ConfigureHttpClient((_, handler) => handler.ConnectTimeout = options.ConnectTimeout)
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<GatewayOptions>();
        app.UseTrustedProxies();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeGuard>();
        app.UseRouting();
        app.UseMiddleware<GrpcRefusals>();
        app.UsePlatformSecurity();
        app.UseRateLimiter();
        app.MapDefaultEndpoints();
        app.MapGet("/", () => TypedResults.Redirect("/docs")).ExcludeFromDescription().AllowAnonymous();
        app.MapScalarApiReference("/docs", scalar =>
        {
            scalar.Title = "天心区残联平台 API · Tianxin Platform API";
            foreach (var service in options.Services)
            {
                scalar.AddDocument(service, service, $"/api/{service}/openapi/v1.json");
            }
        }).AllowAnonymous();
        app.MapReverseProxy(proxy => proxy.UseMiddleware<ProxyErrorResponder>());
        return app;
    }
}
