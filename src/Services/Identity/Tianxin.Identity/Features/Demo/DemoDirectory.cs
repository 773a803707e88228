using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Grievance;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Contracts.Relief;
using Tianxin.Contracts.Reporting;

namespace Tianxin.Identity.Features.Demo;

/// <summary>
/// The development-only staff and partner agencies listed in the README. Area codes follow the
/// platform's numbering of Tianxin District (430103): streets 001–014 in the order of DOMAIN.md
/// (001 裕南街街道 … 006 青园街道 …), communities three more digits.
/// </summary>
public static class DemoDirectory
{
    public const string StaffPassword = "Tianxin@2026";
    public const string CliClientId = "tianxin-cli";
    public const string ConsoleClientId = "tianxin-console";

    public sealed record DemoStaff(string UserName, string DisplayName, string Role, string Area);

    public sealed record DemoPartner(string ClientId, string DisplayName, IReadOnlyList<string> Scopes)
    {
        public string Secret => ClientId + "-demo-secret";
    }

    public static IReadOnlyList<DemoStaff> Staff { get; } =
    [
        new("district-admin", "区残联管理员", PlatformRoles.DistrictAdmin, "430103"),
        new("district-officer", "区残联业务科", PlatformRoles.DistrictOfficer, "430103"),
        new("auditor", "区审计员", PlatformRoles.Auditor, "430103"),
        new("operator", "平台运维", PlatformRoles.Operator, "430103"),
        new("yunan-staff", "裕南街街道工作人员", PlatformRoles.StreetStaff, "430103001"),
        new("qingyuan-staff", "青园街道工作人员", PlatformRoles.StreetStaff, "430103006"),
        new("community-worker", "新天社区专职委员", PlatformRoles.CommunityStaff, "430103001001"),
    ];

    public static IReadOnlyList<DemoPartner> Partners { get; } =
    [
        new("rehab-institution-1", "康复机构一", [RehabilitationScopes.CasesRead, RehabilitationScopes.SessionsWrite, RegistryScopes.CertificatesVerify, RegistryScopes.PersonsResolve]),
        new("rehab-institution-2", "康复机构二", [RehabilitationScopes.CasesRead, RehabilitationScopes.SessionsWrite, RegistryScopes.CertificatesVerify, RegistryScopes.PersonsResolve]),
        new("hospital-1", "医院一", [RegistryScopes.CertificatesVerify, RehabilitationScopes.ScreeningsWrite]),
        new("education-bureau", "区教育局", [RehabilitationScopes.HomeSchoolingWrite, ReliefScopes.SchoolingReport]),
        new("hotline-12345", "12345市民热线", [GrievanceScopes.WorkOrdersWrite]),
        new("law-firm-1", "签约律师事务所一", [GrievanceScopes.LegalAidWrite]),
        new("law-firm-2", "签约律师事务所二", [GrievanceScopes.LegalAidWrite]),
        new("civil-affairs-bureau", "区民政局", [ReliefScopes.EnrolmentsDecide, RegistryScopes.HouseholdStatusReport]),
        new("bank-1", "代发银行", [ReliefScopes.PaymentsBank]),
        new("hr-bureau", "区人社局", [EmploymentScopes.SeekersHr]),
        new("training-school-1", "职业技能培训学校一", [EmploymentScopes.TrainingWrite, RegistryScopes.PersonsResolve]),
        new("training-school-2", "职业技能培训学校二", [EmploymentScopes.TrainingWrite, RegistryScopes.PersonsResolve]),
        new("care-institution-1", "托养机构一", [EmploymentScopes.CareWrite]),
        new("city-federation", "长沙市残联", [ReportingScopes.FiguresRead]),
    ];
}
