using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.EndToEnd.Tests.Otlp;

/// <param name="Scope">The instrumentation that made it: Npgsql, MassTransit, Microsoft.AspNetCore …</param>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, string Scope);

/// <summary>
/// An OTLP/HTTP (protobuf) endpoint the platform's processes export to during the tests, standing in
/// for the dashboard, which the testing builder turns off.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<byte[]> _payloads = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;

    /// <summary>Every export as received (traces, logs, metrics): strings travel in protobuf as plain UTF-8, so a byte search finds any value anywhere.</summary>
    public IReadOnlyCollection<byte[]> Payloads => _payloads;

    public string Url => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", receiver.ReceiveAsync);
        app.MapPost("/v1/{signal}", async (HttpRequest request) =>
        {
            receiver._payloads.Enqueue(await ReadAsync(request));
            return Results.Ok();
        });
        await app.StartAsync();
        return receiver;
    }

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var payload = await ReadAsync(request);
        _payloads.Enqueue(payload);
        var export = ExportTraceServiceRequest.Parser.ParseFrom(payload);
        foreach (var resource in export.ResourceSpans)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "?";
            foreach (var scope in resource.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    _spans.Enqueue(new ReceivedSpan(service, Convert.ToHexStringLower(span.TraceId.Span),
                        Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name, scope.Scope?.Name ?? ""));
                }
            }
        }
        return Results.Ok();
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
