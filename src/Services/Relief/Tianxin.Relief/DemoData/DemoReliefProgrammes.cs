using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.DemoData;

/// <summary>
/// The relief programmes of the federation's 2019 report, with the money it spent as their budget and, for
/// the demo's 2019 cases, the number of people it helped. The report counts 54 modified homes without their
/// cost: 5,000 元 a home is this demo's assumption.
/// </summary>
public static class DemoReliefProgrammes
{
    public sealed record Demo(ReliefProgrammeRequest Programme, int People2019);

    public const string HomeModification = "home_modification";

    public static IEnumerable<Demo> For(int year)
    {
        yield return new(new("targeted_help", year, "建档立卡贫困残疾人精准帮扶", 86_400.00m, 600.00m, 600.00m, true), 144);
        yield return new(new("assessment_fee", year, "残疾鉴定补助", 10_500.00m, 150.00m, 150.00m, false), 70);
        yield return new(new("festival_visits", year, "节日走访慰问（春节、助残日、中秋）", 155_600.00m, 700.00m, 1_800.00m, true), 258);
        yield return new(new("temporary_hardship", year, "临时困难救助", 324_500.00m, 5_000.00m, 10_000.00m, true), 142);
        yield return new(new("education_aid", year, "就学救助", 755_500.00m, 5_000.00m, 5_000.00m, true), 214);
        yield return new(new(HomeModification, year, "无障碍改造", 270_000.00m, 8_000.00m, 8_000.00m, true), 54);
    }
}
