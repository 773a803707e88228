using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;

namespace Tianxin.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class SecurityTests(PlatformFixture platform)
{
    [Theory]
    [MemberData(nameof(PlatformTests.Services), MemberType = typeof(PlatformTests))]
    public async Task Without_a_token_a_service_answers_401_over_rest_and_unauthenticated_over_grpc(string service)
    {
        using var response = await platform.Anonymous.GetAsync($"/api/{service}/info");
        var grpc = await Assert.ThrowsAsync<RpcException>(() => GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, service, token: null));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(StatusCode.Unauthenticated, grpc.StatusCode);
        Assert.Equal("需要本服务的有效令牌 / A valid token for this service is needed", grpc.Status.Detail);
    }

    [Fact]
    public async Task A_partner_gets_a_token_with_its_client_credentials_and_calls_its_service_over_grpc_through_the_gateway()
    {
        var token = await platform.Tokens.ForPartnerAsync("rehab-institution-1");

        var info = await GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "rehabilitation", token);

        Assert.Equal("rehabilitation", info.Name);
    }

    [Fact]
    public async Task A_token_for_another_service_is_refused()
    {
        var hotline = await platform.Tokens.ForPartnerAsync("hotline-12345"); // grievance.workorders.write only

        var grpc = await Assert.ThrowsAsync<RpcException>(() => GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "registry", hotline));
        var own = await GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "grievance", hotline);

        Assert.Equal(StatusCode.Unauthenticated, grpc.StatusCode);
        Assert.DoesNotContain("HTTP status code", grpc.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("grievance", own.Name);
    }

    [Fact]
    public async Task A_token_with_an_altered_payload_or_a_foreign_signature_is_refused()
    {
        var parts = platform.DistrictAdminToken.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlDecode(parts[1])).Replace("district-admin", "district-admln", StringComparison.Ordinal);
        var altered = $"{parts[0]}.{Base64UrlEncode(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        using var rsa = RSA.Create(2048);
        var foreignSignature = Base64UrlEncode(rsa.SignData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        var forged = $"{parts[0]}.{parts[1]}.{foreignSignature}";

        foreach (var token in new[] { altered, forged })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/info") { Headers = { Authorization = Tokens.Bearer(token) } };
            using var response = await platform.Anonymous.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
    }

    [Fact]
    public async Task An_expired_token_is_refused_though_it_worked_before()
    {
        var token = await platform.Tokens.ForPartnerAsync("hospital-1");
        var before = await GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "registry", token);

        await Task.Delay(PlatformFixture.PartnerTokenLifetime + TimeSpan.FromSeconds(2));
        var after = await Assert.ThrowsAsync<RpcException>(() => GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "registry", token));

        Assert.Equal("registry", before.Name);
        Assert.Equal(StatusCode.Unauthenticated, after.StatusCode);
    }

    [Fact]
    public async Task A_partner_token_for_the_registry_is_refused_the_staff_endpoints_of_the_registry()
    {
        var hospital = await platform.Tokens.ForPartnerAsync("hospital-1"); // registry.certificates.verify: registry audience, no staff role
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/persons") { Headers = { Authorization = Tokens.Bearer(hospital) } };

        using var response = await platform.Anonymous.SendAsync(request);
        var info = await GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "registry", hospital);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("registry", info.Name);
    }

    [Fact]
    public async Task Operator_endpoints_are_forbidden_to_other_staff_and_open_to_operators()
    {
        using var asAdministrator = await platform.Gateway.GetAsync("/api/registry/admin/messaging/outbox");
        using var asOperator = await platform.Operator.GetAsync("/api/registry/admin/messaging/outbox");
        using var anonymous = await platform.Anonymous.GetAsync("/api/registry/admin/messaging/outbox");

        Assert.Equal(HttpStatusCode.Forbidden, asAdministrator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        const string user = "community-worker"; // the fixture took its only token before any test ran
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await platform.Tokens.PostAsync(PasswordGrant(user, "wrong-password-" + attempt));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await platform.Tokens.PostAsync(PasswordGrant(user, Tokens.DemoPassword));

        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_token_endpoint_is_rate_limited_per_address()
    {
        var refusals = new List<(string? ContentType, TimeSpan? RetryAfter)>();
        try
        {
            // Twice the limit and one: however the calls fall across the limiter's fixed one-minute windows, one window holds more than the limit.
            for (var i = 0; i <= 2 * PlatformFixture.TokenRequestsPerMinute; i++)
            {
                using var response = await platform.Tokens.PostAsync(PasswordGrant("nobody", "guess-" + i));
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    refusals.Add((response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.Delta));
                }
            }

            Assert.NotEmpty(refusals);
            Assert.All(refusals, refusal =>
            {
                Assert.Equal("application/problem+json", refusal.ContentType);
                Assert.NotNull(refusal.RetryAfter);
            });
        }
        finally
        {
            // Leave the window as we found it for the other tests of the collection.
            await Task.Delay(refusals.Count > 0 ? TimeSpan.FromSeconds(61) : TimeSpan.Zero);
        }
    }

    private static Dictionary<string, string> PasswordGrant(string user, string password) => new()
    {
        ["grant_type"] = "password", ["client_id"] = "tianxin-cli", ["username"] = user, ["password"] = password, ["scope"] = "registry",
    };

    private static byte[] Base64UrlDecode(string value) =>
        Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/').PadRight(value.Length + (4 - value.Length % 4) % 4, '='));

    private static string Base64UrlEncode(byte[] value) => Convert.ToBase64String(value).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[Collection(PlatformCollection.Name)]
public sealed class AuditTests(PlatformFixture platform)
{
    [Fact]
    public async Task Refused_calls_are_recorded_and_only_auditors_can_read_them()
    {
        var hotline = await platform.Tokens.ForPartnerAsync("hotline-12345"); // a genuine token, not meant for the registry
        using (var refused = new HttpRequestMessage(HttpMethod.Get, "/api/registry/info") { Headers = { Authorization = Tokens.Bearer(hotline) } })
        using (var response = await platform.Anonymous.SendAsync(refused))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }
        using (var forbidden = await platform.Gateway.GetAsync("/api/registry/admin/messaging/outbox"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }
        var overGrpc = await Assert.ThrowsAsync<RpcException>(() => GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, "registry", hotline));
        Assert.Equal(StatusCode.Unauthenticated, overGrpc.StatusCode);

        using var auditor = new HttpRequestMessage(HttpMethod.Get, "/api/registry/admin/audit?action=authorization.denied&limit=50")
        {
            Headers = { Authorization = Tokens.Bearer(await platform.Tokens.ForStaffAsync("auditor")) },
        };
        using var answer = await platform.Anonymous.SendAsync(auditor);
        answer.EnsureSuccessStatusCode();
        var entries = (await answer.Content.ReadFromJsonAsync<List<AuditAnswer>>())!;
        using var officer = new HttpRequestMessage(HttpMethod.Get, "/api/registry/admin/audit")
        {
            Headers = { Authorization = Tokens.Bearer(await platform.Tokens.ForStaffAsync("district-officer")) },
        };
        using var officerAnswer = await platform.Anonymous.SendAsync(officer);

        Assert.Contains(entries, e => e.Actor == "unverified:hotline-12345" && e.Resource == "GET /info" && e.Outcome == "401");
        Assert.Contains(entries, e => e.Actor == "district-admin" && e.Resource == "GET /admin/messaging/outbox" && e.Outcome == "403");
        Assert.Contains(entries, e => e.Actor == "unverified:hotline-12345" && e.Resource == "POST /tianxin.registry.v1.RegistryService/GetServiceInfo"
                                      && e.Outcome == "401");
        Assert.Equal(HttpStatusCode.Forbidden, officerAnswer.StatusCode);
    }

    private sealed record AuditAnswer(string Actor, string Action, string Resource, string Outcome);
}
