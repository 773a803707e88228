using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>
/// Bearer authentication that validates each distinct token once (with OpenIddict: signature, issuer,
/// audience, lifetime) and reuses the result until the token expires, at most a few minutes. A front-end
/// or partner sends the same token thousands of times; checking its signature every time cost the
/// gateway and each service most of their throughput. The cache is keyed by the token's SHA-256, never
/// by the token itself. Revocation is unaffected: local JWT validation cannot see revocation anyway.
/// </summary>
public sealed class CachedTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ValidatedTokenCache cache, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var key = ValidatedTokenCache.KeyOf(header.AsSpan(Prefix.Length).Trim());
        if (cache.TryGet(key, out var principal))
        {
            return Success(principal);
        }

        var result = await Context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            return result.None ? AuthenticateResult.NoResult() : AuthenticateResult.Fail(result.Failure ?? new InvalidOperationException("Invalid token"));
        }
        var now = clock.GetUtcNow();
        var expires = result.Principal.GetExpirationDate() ?? now;
        cache.Add(key, result.Principal, Min(expires, now + ValidatedTokenCache.MaximumReuse));
        return Success(result.Principal);
    }

    /// <summary>401 with the RFC 6750 challenge; "invalid_token" when a token came and was refused.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.ToString().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return Task.CompletedTask;
    }

    private AuthenticateResult Success(ClaimsPrincipal principal) =>
        AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}

/// <summary>Principals of tokens already validated, bounded in number and kept no longer than the token is valid.</summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaximumReuse = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 50_000, Clock = null });

    public static string KeyOf(ReadOnlySpan<char> token) =>
        Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(token.ToString())));

    public bool TryGet(string key, out ClaimsPrincipal principal)
    {
        if (_cache.TryGetValue(key, out CachedPrincipal? cached) && cached!.Expires > clock.GetUtcNow())
        {
            principal = cached.Principal;
            return true;
        }
        principal = null!;
        return false;
    }

    public void Add(string key, ClaimsPrincipal principal, DateTimeOffset expires)
    {
        var remaining = expires - clock.GetUtcNow();
        if (remaining > TimeSpan.Zero)
        {
            _cache.Set(key, new CachedPrincipal(principal, expires),
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = remaining });
        }
    }

    public void Dispose() => _cache.Dispose();

    private sealed record CachedPrincipal(ClaimsPrincipal Principal, DateTimeOffset Expires);
}
