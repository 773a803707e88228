using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Validation;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>What a request's Authorization header proved: a caller, no bearer token at all, or a token refused and why.</summary>
public readonly record struct TokenCheck(ClaimsPrincipal? Caller, string? Refusal)
{
    public static TokenCheck NoToken => default;
}

/// <summary>
/// Checks the platform's bearer tokens. Each distinct token is validated once with OpenIddict (signature,
/// issuer, lifetime, token type) and, for a service, for its audience; the caller it proves is then reused
/// until the token expires, at most a few minutes. A front-end or partner sends the same token thousands of
/// times, and checking its signature every time cost the gateway and each service most of their throughput.
/// Revocation is unaffected: local JWT validation cannot see revocation anyway. Tokens are read from the
/// Authorization header only: reading a form for one would consume bodies the gateway must forward untouched.
/// </summary>
/// <param name="audience">The service the token must be meant for; null at the gateway, which leaves that to each service.</param>
public sealed class AccessTokens(OpenIddictValidationService validation, ValidatedTokenCache cache, TimeProvider clock, string? audience)
{
    public const string Prefix = "Bearer ";

    public async ValueTask<TokenCheck> CheckAsync(string authorization, CancellationToken cancellationToken)
    {
        if (!authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.NoToken;
        }
        var token = authorization.AsSpan(Prefix.Length).Trim();
        if (token.IsEmpty)
        {
            return new TokenCheck(null, "The bearer token is empty.");
        }
        var key = ValidatedTokenCache.KeyOf(token);
        if (cache.TryGet(key, out var cached))
        {
            return new TokenCheck(cached, null);
        }

        ClaimsPrincipal caller;
        try
        {
            caller = await validation.ValidateAccessTokenAsync(token.ToString(), cancellationToken);
        }
        catch (OpenIddictExceptions.ProtocolException refused)
        {
            return new TokenCheck(null, refused.ErrorDescription ?? refused.Error);
        }
        // OpenIddict checks its configured audiences only when it authenticates a whole request, not here.
        if (audience is not null && !caller.HasAudience(audience))
        {
            return new TokenCheck(null, $"The token is not meant for {audience}.");
        }
        var now = clock.GetUtcNow();
        var expires = caller.GetExpirationDate() ?? now;
        cache.Add(key, caller, expires < now + ValidatedTokenCache.MaximumReuse ? expires : now + ValidatedTokenCache.MaximumReuse);
        return new TokenCheck(caller, null);
    }
}
