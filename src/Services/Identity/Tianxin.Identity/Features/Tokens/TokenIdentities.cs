using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tianxin.Identity.Features.Tokens;

/// <summary>What goes into a token: who (subject, name), what they may do (role, area, scopes) and for which services (audiences).</summary>
public sealed class TokenIdentities(StaffScopes staffScopes, UserManager<StaffUser> users, IOpenIddictScopeManager scopes, IOpenIddictApplicationManager applications,
    IConfiguration configuration)
{
    private TimeSpan PartnerLifetime => configuration.GetValue("Identity:PartnerTokenLifetime", TokenLifetimes.Partner);

    public async Task<ClaimsPrincipal> ForStaffAsync(StaffUser user, IEnumerable<string> requestedScopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.Id)
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.PreferredUsername, user.UserName);
        var claims = await users.GetClaimsAsync(user);
        foreach (var claim in claims.Where(c => c.Type is PlatformClaims.Role or PlatformClaims.Area))
        {
            identity.AddClaim(new Claim(claim.Type, claim.Value));
        }
        var granted = requestedScopes.Where(scope => staffScopes.Services.Contains(scope) || IsIdentityScope(scope)).ToList();
        return await FinishAsync(identity, granted, TokenLifetimes.Staff);
    }

    /// <summary>A partner agency's machine token. Without a scope parameter it gets every scope its registration permits.</summary>
    public async Task<ClaimsPrincipal> ForClientAsync(string clientId, IReadOnlyCollection<string> requestedScopes)
    {
        var application = await applications.FindByClientIdAsync(clientId)
            ?? throw new InvalidOperationException($"Unknown client {clientId}.");
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(PlatformClaims.ClientId, clientId)
            .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? clientId);
        var permitted = (await applications.GetPermissionsAsync(application))
            .Where(p => p.StartsWith(Permissions.Prefixes.Scope, StringComparison.Ordinal))
            .Select(p => p[Permissions.Prefixes.Scope.Length..]);
        var granted = requestedScopes.Count > 0 ? requestedScopes : permitted;
        return await FinishAsync(identity, granted, PartnerLifetime);
    }

    private async Task<ClaimsPrincipal> FinishAsync(ClaimsIdentity identity, IEnumerable<string> grantedScopes, TimeSpan lifetime)
    {
        var principal = new ClaimsPrincipal(identity);
        principal.SetScopes(grantedScopes);
        principal.SetResources(await scopes.ListResourcesAsync(principal.GetScopes()).ToListAsync());
        principal.SetAccessTokenLifetime(lifetime);
        principal.SetDestinations(claim => claim.Type switch
        {
            Claims.Name or Claims.PreferredUsername or PlatformClaims.Role or PlatformClaims.Area
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return principal;
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "tianxin", nameType: Claims.Name, roleType: PlatformClaims.Role);

    private static bool IsIdentityScope(string scope) =>
        scope is Scopes.OpenId or Scopes.Profile or Scopes.Roles or Scopes.OfflineAccess;
}
