using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Tianxin.EndToEnd.Tests;

/// <summary>A staff front-end's sign-in, as a browser performs it: authorization code with PKCE through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class SignInTests(PlatformFixture platform)
{
    private const string RedirectUri = "http://localhost:5173/callback";

    [Fact]
    public async Task A_staff_member_signs_in_on_the_page_and_the_front_end_exchanges_the_code_for_a_working_token()
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var code = await SignInAsync("yunan-staff", verifier);

        using var exchanged = await ExchangeAsync(code, verifier);
        var token = (await exchanged.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["access_token"].ToString()!;
        using var call = new HttpRequestMessage(HttpMethod.Get, "/api/registry/persons") { Headers = { Authorization = Tokens.Bearer(token) } };
        using var answer = await platform.Anonymous.SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, exchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
    }

    [Fact]
    public async Task A_code_presented_with_the_wrong_verifier_is_refused()
    {
        var code = await SignInAsync("yunan-staff", Base64Url(RandomNumberGenerator.GetBytes(32)));

        using var exchanged = await ExchangeAsync(code, Base64Url(RandomNumberGenerator.GetBytes(32)));

        Assert.Equal(HttpStatusCode.BadRequest, exchanged.StatusCode);
    }

    /// <returns>The authorization code the identity service sends back to the front-end.</returns>
    private async Task<string> SignInAsync(string user, string verifier)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = platform.Anonymous.BaseAddress,
        };
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = "/connect/authorize?client_id=tianxin-console&response_type=code&scope=openid%20registry" +
            $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256";

        using var toSignIn = await browser.GetAsync(authorize);
        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        var signInPage = await browser.GetStringAsync(toSignIn.Headers.Location!.OriginalString);
        Assert.Contains("lang=\"zh-CN\"", signInPage, StringComparison.Ordinal);
        using var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(signInPage).Groups[1].Value),
            ["userName"] = user,
            ["password"] = Tokens.DemoPassword,
            ["returnUrl"] = authorize,
        }));
        using var withCode = await browser.GetAsync(signedIn.Headers.Location!.OriginalString);
        Assert.Equal(RedirectUri, withCode.Headers.Location!.GetLeftPart(UriPartial.Path));
        return Regex.Match(withCode.Headers.Location.Query, "code=([^&]+)").Groups[1].Value;
    }

    private Task<HttpResponseMessage> ExchangeAsync(string code, string verifier) =>
        platform.Anonymous.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = "tianxin-console", ["code"] = code,
            ["code_verifier"] = verifier, ["redirect_uri"] = RedirectUri,
        }));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
