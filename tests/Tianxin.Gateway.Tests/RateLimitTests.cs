using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.Gateway.Tests;

/// <summary>
/// Behind an ingress every call comes from the ingress's address: the limits must tell its clients apart by what the
/// trusted ingress says, and never believe a client that names its own address.
/// </summary>
public sealed class RateLimitTests
{
    private const string Ingress = "10.0.0.1";
    private const int PerAddress = 3;

    [Fact]
    public async Task Clients_behind_a_trusted_ingress_are_limited_each_on_their_own_address()
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateClient();

        var first = await StatusesAsync(client, peer: Ingress, forwardedFor: "203.0.113.7");
        var other = await StatusesAsync(client, peer: Ingress, forwardedFor: "203.0.113.8", calls: 1);

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, other);
    }

    [Fact]
    public async Task A_client_that_names_its_own_address_is_limited_on_the_address_it_calls_from()
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * PerAddress + 1; i++)
        {
            statuses.AddRange(await StatusesAsync(client, peer: "198.51.100.9", forwardedFor: $"203.0.113.{i + 1}", calls: 1));
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task A_partner_with_a_valid_token_is_limited_as_itself_not_by_the_address_it_shares()
    {
        await using var gateway = Gateway();
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", TestAuthentication.SchemeName);

        var statuses = await StatusesAsync(client, peer: Ingress, forwardedFor: "203.0.113.9", path: "/api/registry/info");

        Assert.Equal(2 * PerAddress + 1, statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)); // each reached the (closed) service
    }

    /// <summary>Twice the limit and one more, so that some fall in one window of the fixed-window limiter whatever the timing.</summary>
    /// <param name="path">By default the health of a service, which anyone may ask.</param>
    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, string peer, string forwardedFor, int calls = 2 * PerAddress + 1,
        string path = "/api/registry/health")
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < calls; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path)
            {
                Headers = { { PeerAddress.Header, peer }, { "X-Forwarded-For", forwardedFor } },
            };
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static WebApplicationFactory<Program> Gateway() =>
        TestGateway.InFrontOf($"http://127.0.0.1:{TestGateway.ClosedPort()}",
            new Dictionary<string, string>
            {
                ["Gateway:RequestsPerAddressPerSecond"] = PerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["TrustedProxies:0"] = Ingress,
            },
            services => services.AddTransient<IStartupFilter, PeerAddress>());

    /// <summary>The test server has no sockets: the address a call comes from is set from a header, before the gateway's pipeline.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public const string Header = "X-Test-Peer";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[Header].ToString());
                await inner(context);
            });
            next(app);
        };
    }
}
