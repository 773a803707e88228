using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// gRPC for partner agencies. Services listen for it on a second, HTTP/2-only Kestrel endpoint
/// named "grpc" (appsettings Kestrel:Endpoints:grpc): without TLS, Kestrel's default HTTP/1.1+2
/// endpoint can only speak HTTP/1.1, which gRPC refuses.
/// </summary>
public static class GrpcDefaults
{
    public static IServiceCollection AddGrpcDefaults(this IServiceCollection services)
    {
        services.AddGrpc(options =>
        {
            options.EnableDetailedErrors = false;
            options.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        services.AddGrpcReflection();
        // The gRPC health service mirrors the ASP.NET Core health checks, so /health and grpc.health.v1 agree.
        services.AddGrpcHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapGrpcDefaults(this IEndpointRouteBuilder endpoints)
    {
        // Discovery and health answer without a token, like /health: they reveal no personal data.
        endpoints.MapGrpcReflectionService().AllowAnonymous();
        endpoints.MapGrpcHealthChecksService().AllowAnonymous();
        return endpoints;
    }
}
