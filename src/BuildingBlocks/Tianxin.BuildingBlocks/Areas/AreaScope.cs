using System.Security.Claims;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Areas;

/// <summary>
/// The part of the district a staff member may see: their area and everything below it. Queries filter
/// with <see cref="AreaCode.LikePattern"/>; commands on a record outside the scope answer 404, so that
/// staff cannot learn that a record exists elsewhere.
/// </summary>
public sealed record AreaScope(AreaCode Area)
{
    /// <returns>The caller's scope, or null when the token carries no valid area (partners, or a broken account): such callers see no area-bound records.</returns>
    public static AreaScope? Of(ClaimsPrincipal user) =>
        AreaCode.TryParse(user.FindFirst(PlatformClaims.Area)?.Value) is { } area ? new AreaScope(area) : null;

    /// <summary>The whole district: for district work and for partners, who are bound by contract rather than area.</summary>
    public static AreaScope District { get; } = new(AreaCode.District);

    public bool Covers(string communityCode) =>
        AreaCode.TryParse(communityCode) is { } community && Area.Covers(community);
}
