using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>
/// Lets the AppHost's dashboard commands act as an operator: a request carrying the shared ops key
/// (header <c>X-Ops-Key</c>, configuration <c>Tianxin:OpsKey</c>) is an operator. Without a configured
/// key nobody authenticates this way.
/// </summary>
public sealed class OpsKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "OpsKey";
    public const string HeaderName = "X-Ops-Key";
    public const string ConfigurationKey = "Tianxin:OpsKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(expected) || !Request.Headers.TryGetValue(HeaderName, out var given))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given.ToString()), Encoding.UTF8.GetBytes(expected)))
        {
            return Task.FromResult(AuthenticateResult.Fail("Wrong ops key"));
        }
        var identity = new ClaimsIdentity(
            [new Claim(PlatformClaims.Name, "aspire-dashboard"), new Claim(PlatformClaims.Role, PlatformRoles.Operator)],
            SchemeName, PlatformClaims.Name, PlatformClaims.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
