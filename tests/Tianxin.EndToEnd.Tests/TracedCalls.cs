using System.Net.Http.Json;
using Grpc.Core;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Calls that start their own trace, so that a test can find each step's spans by the trace id it chose.</summary>
public static class TracedCalls
{
    /// <summary>A REST call that must succeed, in a new trace recorded under <paramref name="step"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body,
        Dictionary<string, string> traces, string step)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("traceparent", NewTraceparent(traces, step));
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{step}: {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    /// <summary>The caller's authorization with a new trace recorded under <paramref name="step"/>, for a gRPC call.</summary>
    public static Metadata Traced(Metadata caller, Dictionary<string, string> traces, string step) =>
        new() { caller[0], { "traceparent", NewTraceparent(traces, step) } };

    private static string NewTraceparent(Dictionary<string, string> traces, string step)
    {
        var trace = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        traces[step] = trace;
        return $"00-{trace}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01";
    }
}
