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

    public static IReadOnlyList<string> All { get; } =
        [DistrictAdmin, DistrictOfficer, StreetStaff, CommunityStaff, Auditor, Operator];
}

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

/// <summary>
/// OAuth scopes. A service's own name is the scope staff front-ends ask for; partners get narrow
/// "&lt;service&gt;.&lt;thing&gt;.&lt;action&gt;" scopes. Every scope grants the audience of the service it
/// starts with, so a token for one service is refused by the others.
/// </summary>
public static class PlatformScopes
{
    public static IReadOnlyList<string> Services => Hosting.PlatformService.DomainServiceNames;

    public const string RegistryCertificatesVerify = "registry.certificates.verify";
    /// <summary>Institutions applying for a certificate holder: the registry's opaque person id for a valid certificate.</summary>
    public const string RegistryPersonsResolve = "registry.persons.resolve";
    public const string RehabilitationCasesRead = "rehabilitation.cases.read";
    public const string RehabilitationSessionsWrite = "rehabilitation.sessions.write";
    public const string RehabilitationScreeningsWrite = "rehabilitation.screenings.write";
    public const string RehabilitationHomeSchoolingWrite = "rehabilitation.homeschooling.write";
    public const string GrievanceWorkOrdersWrite = "grievance.workorders.write";

    public static IReadOnlyList<string> Partner { get; } =
    [
        RegistryCertificatesVerify, RegistryPersonsResolve, RehabilitationCasesRead, RehabilitationSessionsWrite,
        RehabilitationScreeningsWrite, RehabilitationHomeSchoolingWrite, GrievanceWorkOrdersWrite,
    ];

    /// <summary>The audience (service) a scope gives access to.</summary>
    public static string AudienceOf(string scope) => scope.Split('.')[0];
}
