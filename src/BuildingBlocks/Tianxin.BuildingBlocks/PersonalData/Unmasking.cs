using System.Security.Claims;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.PersonalData;

/// <summary>Who sees personal data whole: a caseworker who states why (the caller audits that read); auditors and operators never.</summary>
public static class Unmasking
{
    public static bool Allowed(ClaimsPrincipal user, string? purpose) =>
        !string.IsNullOrWhiteSpace(purpose) && PlatformRoles.Caseworkers.Any(role => user.HasClaim(PlatformClaims.Role, role));
}
