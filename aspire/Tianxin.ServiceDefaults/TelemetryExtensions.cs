using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static class TelemetryExtensions
{
    /// <summary>Activity sources and meters of the platform's own building blocks.</summary>
    public const string TianxinSource = "Tianxin";

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("MassTransit", "Npgsql", TianxinSource + ".*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "MassTransit", "Npgsql", TianxinSource + ".*", "Yarp.ReverseProxy")
                .AddAspNetCoreInstrumentation(aspnet =>
                {
                    aspnet.Filter = context => !IsHealthRequest(context.Request);
                    // Query strings can carry personal data (a name searched for): traces keep the path only.
                    aspnet.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation(http =>
                {
                    http.FilterHttpRequestMessage = request => request.RequestUri is not { } uri || !IsHealthPath(uri.AbsolutePath);
                    http.EnrichWithHttpRequestMessage = (activity, request) =>
                    {
                        if (request.RequestUri is { Query.Length: > 0 } uri)
                        {
                            activity.SetTag("url.full", uri.GetLeftPart(UriPartial.Path));
                        }
                    };
                }));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    // Health probes run every few seconds; tracing them would bury real work in the dashboard.
    private static bool IsHealthRequest(HttpRequest request) =>
        IsHealthPath(request.Path.Value) || request.Path.StartsWithSegments("/grpc.health.v1.Health");

    private static bool IsHealthPath(string? path) =>
        path is not null && (path.EndsWith(Extensions.HealthEndpointPath, StringComparison.OrdinalIgnoreCase)
                             || path.EndsWith(Extensions.AlivenessEndpointPath, StringComparison.OrdinalIgnoreCase));
}
