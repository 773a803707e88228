using Tianxin.Contracts.Registry;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.DemoData;

/// <summary>The programmes of the federation's 2019 report, with its budgets and scale, and the 2020 plan's additions.</summary>
public static class DemoProgrammes
{
    private static readonly string[] Poor = [.. HouseholdStatuses.All];
    private static readonly string[] Institutions = ["rehab-institution-1", "rehab-institution-2"];

    public static IEnumerable<ProgrammeRequest> For(int year)
    {
        yield return new("child_aid", year, "贫困残疾儿童康复救助", 0, 17, null, null, false, Poor, 16_661.04m, 5_131_600.00m, Institutions);
        yield return new("hearing_aids", year, "助听项目", null, null, [2], null, true, null, 3_000.00m, 120_000.00m, Institutions);
        yield return new("prostheses", year, "义肢助残", null, null, [4], null, true, Poor, 8_000.00m, 88_000.00m, Institutions);
        yield return new("assistive_devices", year, "辅具适配进家庭", null, null, null, null, true, null, 679.50m, 248_700.00m, Institutions);
        yield return new("eye_care", year, "光明关爱", null, null, [1], null, true, null, 1_500.00m, 250_500.00m, ["hospital-1"]);
        yield return new("inclusive_education", year, "融合教育进家庭", 0, 14, [5, 6], null, true, null, 6_000.00m, 120_000.00m, Institutions);
        yield return new("home_schooling", year, "送教上门", 6, 17, null, [1, 2], true, null, 2_000.00m, 60_000.00m, ["education-bureau"]);
        if (year >= 2020)
        {
            yield return new("adult_home_rehab", year, "送康复上门", 18, null, [4, 7], [1, 2], true, null, 1_200.00m, 300_000.00m, Institutions);
            yield return new("community_menu", year, "社区菜单式康复", 18, null, null, null, true, null, 500.00m, 150_000.00m, Institutions);
            yield return new("mental_rehab", year, "精神障碍康复（工疗、农疗）", 18, 65, [6], null, true, null, 2_400.00m, 240_000.00m, Institutions);
        }
    }
}
