using System.Buffers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>
/// The Bearer scheme, through <see cref="AccessTokens"/>: it answers challenges (401 with the RFC 6750 header) and
/// authenticates where a policy names its schemes. Most requests never reach it: <see cref="CallerFromToken"/>
/// sets their caller.
/// </summary>
public sealed class CachedTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccessTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var check = await tokens.CheckAsync(Request.Headers.Authorization.ToString(), Context.RequestAborted);
        return check switch
        {
            { Caller: { } caller } => AuthenticateResult.Success(new AuthenticationTicket(caller, SchemeName)),
            { Refusal: { } refusal } => AuthenticateResult.Fail(refusal),
            _ => AuthenticateResult.NoResult(),
        };
    }

    /// <summary>401 with the RFC 6750 challenge; "invalid_token" when a token came and was refused.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.ToString().StartsWith(AccessTokens.Prefix, StringComparison.OrdinalIgnoreCase)
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>Principals of tokens already validated, bounded in number and kept no longer than the token is valid.</summary>
public sealed class ValidatedTokenCache(TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan MaximumReuse = TimeSpan.FromMinutes(5);
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 50_000, Clock = null });

    /// <remarks>Runs on every request: the token's bytes go to a pooled buffer, not a copy of the token.</remarks>
    public static string KeyOf(ReadOnlySpan<char> token)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(token.Length));
        try
        {
            return Convert.ToHexString(SHA256.HashData(bytes.AsSpan(0, Encoding.UTF8.GetBytes(token, bytes))));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

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
