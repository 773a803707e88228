using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tianxin.Gateway.Tests;

/// <summary>
/// These tests are about what the gateway does with a backend that fails, not about tokens (the
/// end-to-end tests cover those with the real identity service): a request with "Authorization: Test"
/// passes as an authenticated partner.
/// </summary>
public sealed class TestAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers.Authorization.ToString() == SchemeName
            ? AuthenticateResult.Success(new AuthenticationTicket(
                new ClaimsPrincipal(new ClaimsIdentity([new Claim("client_id", "test-partner")], SchemeName)), SchemeName))
            : AuthenticateResult.NoResult());
}
