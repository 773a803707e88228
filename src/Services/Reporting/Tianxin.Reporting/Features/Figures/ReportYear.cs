using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>A year the platform can report on: from 2000 (the earliest a programme may have) to the current year in China.</summary>
public static class ReportYear
{
    public static Failure.Invalid? Check(int year, TimeProvider clock) =>
        year < 2000 || year > clock.TodayInChina().Year
            ? Failure.Field("year", $"年份为2000年至{clock.TodayInChina().Year}年 / The year is 2000 to {clock.TodayInChina().Year}.")
            : null;
}
