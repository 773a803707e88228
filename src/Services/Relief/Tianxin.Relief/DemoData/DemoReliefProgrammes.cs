using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.DemoData;

/// <summary>The relief programmes of the federation's 2019 report, with the money it spent as their budget.</summary>
public static class DemoReliefProgrammes
{
    public static IEnumerable<ReliefProgrammeRequest> For(int year)
    {
        yield return new("targeted_help", year, "建档立卡贫困残疾人精准帮扶", 86_400.00m, 600.00m, 600.00m, true);
        yield return new("assessment_fee", year, "残疾鉴定补助", 10_500.00m, 150.00m, 150.00m, false);
        yield return new("festival_visits", year, "节日走访慰问（春节、助残日、中秋）", 155_600.00m, 600.00m, 1_800.00m, true);
        yield return new("temporary_hardship", year, "临时困难救助", 324_500.00m, 5_000.00m, 10_000.00m, true);
        yield return new("education_aid", year, "就学救助", 755_500.00m, 5_000.00m, 5_000.00m, true);
    }
}
