using System.Diagnostics;

namespace Tianxin.Gateway.Tests;

public sealed class ForwardedAnswersTests : IDisposable
{
    private static readonly ActivitySource Proxy = new("Yarp.ReverseProxy");
    private static readonly ActivitySource Http = new("System.Net.Http");
    private static readonly ActivitySource Other = new("Tianxin.Gateway.Tests");
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name is "Yarp.ReverseProxy" or "System.Net.Http" or "Tianxin.Gateway.Tests",
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    public ForwardedAnswersTests() => ActivitySource.AddActivityListener(_listener);

    public void Dispose() => _listener.Dispose();

    [Theory]
    [InlineData(400, ActivityStatusCode.Unset)]
    [InlineData(401, ActivityStatusCode.Unset)]
    [InlineData(404, ActivityStatusCode.Unset)]
    [InlineData(409, ActivityStatusCode.Unset)]
    [InlineData(499, ActivityStatusCode.Unset)]
    [InlineData(500, ActivityStatusCode.Error)]
    [InlineData(502, ActivityStatusCode.Error)]
    public void A_forwarded_answer_is_an_error_of_the_gateway_only_when_the_service_failed(int status, ActivityStatusCode expected)
    {
        var forwarded = Ended(Http, ActivityKind.Client, status, forwarding: true);

        Assert.Equal(expected, forwarded.Status);
        Assert.Equal(expected == ActivityStatusCode.Error, forwarded.GetTagItem("error.type") is not null);
    }

    [Fact]
    public void A_forwarded_call_that_got_no_answer_stays_an_error()
    {
        var unanswered = Ended(Http, ActivityKind.Client, status: null, forwarding: true);

        Assert.Equal(ActivityStatusCode.Error, unanswered.Status);
    }

    [Fact]
    public void The_gateways_own_calls_other_sources_and_kinds_are_left_as_they_are()
    {
        var own = Ended(Http, ActivityKind.Client, 404, forwarding: false);
        var other = Ended(Other, ActivityKind.Client, 404, forwarding: true);
        var server = Ended(Http, ActivityKind.Server, 404, forwarding: true);

        Assert.Equal(ActivityStatusCode.Error, own.Status);
        Assert.Equal(ActivityStatusCode.Error, other.Status);
        Assert.Equal(ActivityStatusCode.Error, server.Status);
    }

    private static Activity Ended(ActivitySource source, ActivityKind kind, int? status, bool forwarding)
    {
        using var forwarder = forwarding ? Proxy.StartActivity("proxy.forwarder") : null;
        var activity = source.StartActivity("POST", kind)!;
        if (status is not null)
        {
            activity.SetTag("http.response.status_code", status.Value);
            activity.SetTag("error.type", status.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        activity.SetStatus(ActivityStatusCode.Error);
        activity.Stop();
        new ForwardedAnswers().OnEnd(activity);
        return activity;
    }
}
