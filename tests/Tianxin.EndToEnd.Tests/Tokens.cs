using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Access tokens from the identity service, asked for through the gateway as front-ends and partners do.</summary>
public sealed class Tokens(HttpClient gateway)
{
    public const string DemoPassword = "Tianxin@2026";
    private static readonly string StaffScopes = "openid " + string.Join(" ", PlatformFixture.Services);

    public async Task<string> ForStaffAsync(string userName) =>
        await RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "tianxin-cli",
            ["username"] = userName, ["password"] = DemoPassword, ["scope"] = StaffScopes,
        });

    public async Task<string> ForPartnerAsync(string clientId) =>
        await RequestAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientId + "-demo-secret",
        });

    public async Task<HttpResponseMessage> PostAsync(IDictionary<string, string> form) =>
        await gateway.PostAsync("/connect/token", new FormUrlEncodedContent(form));

    private async Task<string> RequestAsync(IDictionary<string, string> form)
    {
        using var response = await PostAsync(form);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenAnswer>())!.AccessToken;
    }

    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    private sealed record TokenAnswer([property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken);
}
