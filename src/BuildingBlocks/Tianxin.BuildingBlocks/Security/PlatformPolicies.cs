namespace Tianxin.BuildingBlocks.Security;

/// <summary>Authorization policies every service knows; each partner scope is also a policy of the same name. The fallback (no policy named) is "any valid token for this service".</summary>
public static class PlatformPolicies
{
    /// <summary>Federation staff, whatever their role.</summary>
    public const string Staff = "staff";
    /// <summary>Operators (and the AppHost's dashboard commands through the ops key).</summary>
    public const string Operator = "operator";
    /// <summary>Staff who work with residents and may change their records: not auditors, not operators.</summary>
    public const string Caseworker = "caseworker";
    /// <summary>District programme officers and administrators: decide applications, set budgets and rules.</summary>
    public const string DistrictOfficer = "district-officer";
    /// <summary>Auditors and district administrators: the audit log.</summary>
    public const string Auditor = "auditor";
}
