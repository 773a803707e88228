using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class ForwardCallerTokenTests
{
    [Fact]
    public async Task An_outgoing_call_carries_the_callers_bearer_token()
    {
        var sent = await SendWhileServing("Bearer caller-token", outgoing: null);

        Assert.Equal(new AuthenticationHeaderValue("Bearer", "caller-token"), sent);
    }

    [Fact]
    public async Task A_token_set_on_the_call_itself_is_kept()
    {
        var sent = await SendWhileServing("Bearer caller-token", outgoing: new AuthenticationHeaderValue("Bearer", "own"));

        Assert.Equal("own", sent!.Parameter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Nothing_but_a_bearer_token_is_forwarded(string incoming) =>
        Assert.Null(await SendWhileServing(incoming, outgoing: null));

    private static async Task<AuthenticationHeaderValue?> SendWhileServing(string incoming, AuthenticationHeaderValue? outgoing)
    {
        var context = new DefaultHttpContext();
        if (incoming.Length > 0)
        {
            context.Request.Headers.Authorization = incoming;
        }
        var recorder = new Recorder();
        using var client = new HttpClient(new ForwardCallerToken(new HttpContextAccessor { HttpContext = context }) { InnerHandler = recorder });
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://registry/persons");
        request.Headers.Authorization = outgoing;
        using var _ = await client.SendAsync(request);
        return recorder.Authorization;
    }

    private sealed class Recorder : HttpMessageHandler
    {
        public AuthenticationHeaderValue? Authorization { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorization = request.Headers.Authorization;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
