using Tianxin.Employment.Features.Payments;

namespace Tianxin.Employment.DemoData;

/// <summary>
/// The payment programmes of the federation's 2019 report with the money it spent as their budget and the
/// people it paid. The report gives no count for the fuel subsidy (38 people of 1,000 元 is this demo's
/// assumption) nor money for care: 300 元 a month in day care and 200 元 at home are assumptions too.
/// </summary>
public static class DemoEmploymentProgrammes
{
    public sealed record Demo(PaymentProgrammeRequest Programme, int People2019);

    public const string AccidentInsurance = "accident_insurance";

    public static IEnumerable<Demo> For(int year)
    {
        yield return new(new("employment_relief", year, "就业救助", 76_000.00m, 1_000.00m, "year"), 76);
        yield return new(new("pension_subsidy", year, "基本养老保险补贴", 58_858.80m, 3_000.00m, "year"), 22);
        yield return new(new(AccidentInsurance, year, "一、二级及建档立卡贫困残疾人意外伤害保险", 145_500.00m, 100.00m, "year"), 3_231);
        yield return new(new("startup_grant", year, "自主创业补贴", 55_800.00m, 20_000.00m, "year"), 4);
        yield return new(new("startup_household", year, "创业户补贴", 333_930.00m, 20_000.00m, "household"), 28);
        yield return new(new("self_employed_pension", year, "个体户养老保险补贴", 14_000.00m, 1_000.00m, "year"), 14);
        yield return new(new("wheelchair_fuel", year, "机动轮椅车燃油补贴", 38_000.00m, 1_000.00m, "year"), 38);
        yield return new(new("day_care", year, "日间照料托养补贴", 370_800.00m, 300.00m, "month"), 0);
        yield return new(new("home_care", year, "居家托养补贴（阳光家园计划）", 396_000.00m, 200.00m, "month"), 0);
    }
}
