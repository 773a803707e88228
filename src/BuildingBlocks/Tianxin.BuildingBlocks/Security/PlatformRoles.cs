namespace Tianxin.BuildingBlocks.Security;

/// <summary>Staff roles, carried in the "role" claim of a staff access token.</summary>
public static class PlatformRoles
{
    /// <summary>区残联管理员: runs the platform for the district.</summary>
    public const string DistrictAdmin = "district-admin";
    /// <summary>区残联业务科室: runs programmes, approves applications, holds budgets.</summary>
    public const string DistrictOfficer = "district-officer";
    /// <summary>街道工作人员.</summary>
    public const string StreetStaff = "street-staff";
    /// <summary>社区工作人员 / 专职委员.</summary>
    public const string CommunityStaff = "community-staff";
    /// <summary>审计: reads, and reads the audit log; changes nothing.</summary>
    public const string Auditor = "auditor";
    /// <summary>运维: keeps the platform running (dead letters, outbox).</summary>
    public const string Operator = "operator";

    /// <summary>The district federation's own staff: programmes, budgets and the district's figures.</summary>
    public static IReadOnlyList<string> District { get; } = [DistrictAdmin, DistrictOfficer];

    /// <summary>Staff who work with residents and may change their records: not auditors, not operators.</summary>
    public static IReadOnlyList<string> Caseworkers { get; } = [DistrictAdmin, DistrictOfficer, StreetStaff, CommunityStaff];

    public static IReadOnlyList<string> All { get; } =
        [DistrictAdmin, DistrictOfficer, StreetStaff, CommunityStaff, Auditor, Operator];
}
