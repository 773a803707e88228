using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.EndToEnd.Tests.Otlp;

/// <param name="Scope">The instrumentation that made it: Npgsql, MassTransit, Microsoft.AspNetCore …</param>
/// <param name="Failed">Its status is Error: the dashboard shows it red.</param>
/// <param name="LinkedTraces">The traces of the spans it links to (what caused work done in a trace of its own).</param>
public sealed record ReceivedSpan(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, string Scope, bool Failed,
    IReadOnlyDictionary<string, string> Attributes, IReadOnlyList<string> LinkedTraces);

/// <param name="Category">The logger's category (the OTLP scope).</param>
/// <param name="Severity">OTLP's severity number: 13 to 16 are warnings, 17 and above errors, which the dashboard counts red.</param>
public sealed record ReceivedLog(string Service, DateTimeOffset At, string Category, int Severity, string Body, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// An OTLP/HTTP (protobuf) endpoint the platform's processes export to during the tests, standing in
/// for the dashboard, which the testing builder turns off.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();
    private readonly ConcurrentQueue<ReceivedLog> _logs = new();
    private readonly ConcurrentQueue<byte[]> _payloads = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public IReadOnlyCollection<ReceivedSpan> Spans => _spans;

    public IReadOnlyCollection<ReceivedLog> Logs => _logs;

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
        app.MapPost("/v1/logs", receiver.ReceiveLogsAsync);
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
                        Convert.ToHexStringLower(span.SpanId.Span), Convert.ToHexStringLower(span.ParentSpanId.Span), span.Name, scope.Scope?.Name ?? "",
                        span.Status?.Code == 2, Attributes(span.Attributes), [.. span.Links.Select(link => Convert.ToHexStringLower(link.TraceId.Span))]));
                }
            }
        }
        return Results.Ok();
    }

    private async Task<IResult> ReceiveLogsAsync(HttpRequest request)
    {
        var payload = await ReadAsync(request);
        _payloads.Enqueue(payload);
        foreach (var resource in ExportLogsServiceRequest.Parser.ParseFrom(payload).ResourceLogs)
        {
            var service = resource.Resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value?.StringValue ?? "?";
            foreach (var scope in resource.ScopeLogs)
            {
                foreach (var log in scope.LogRecords)
                {
                    _logs.Enqueue(new ReceivedLog(service, DateTimeOffset.UnixEpoch.AddTicks((long)(log.TimeUnixNano / 100)), scope.Scope?.Name ?? "", log.SeverityNumber, log.Body?.StringValue ?? "", Attributes(log.Attributes)));
                }
            }
        }
        return Results.Ok();
    }

    private static Dictionary<string, string> Attributes(IEnumerable<KeyValue> attributes) =>
        attributes.GroupBy(a => a.Key).ToDictionary(a => a.Key, a => a.Last().Value is { } value
            ? value.StringValue is { Length: > 0 } text ? text : value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : "");

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        return body.ToArray();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
