namespace Tianxin.BuildingBlocks.Security;

/// <summary>Claim types of platform tokens.</summary>
public static class PlatformClaims
{
    public const string Role = "role";
    /// <summary>The staff member's area: district 430103, a street (9 digits) or a community (12 digits).</summary>
    public const string Area = "area";
    public const string Name = "name";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
}
