using System.Globalization;
using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.Targets;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>What people would rather look at than read: money per programme, people served per month and per street, the targets against their goals.</summary>
public static class ReportCharts
{
    public static IReadOnlyList<Chart> Of(IReadOnlyList<ProgrammeSummary> programmes, ReportWording wording, IReadOnlyList<FigureRow> rows,
        IReadOnlyList<LiveTarget> targets)
    {
        var served = wording.Programmes.Where(p => p.PeopleMeasure is not null).Select(p => (p.Code, p.PeopleMeasure!)).ToHashSet();
        var servedRows = rows.Where(row => served.Contains((row.Programme, row.Measure))).ToList();
        return
        [
            new Chart("money_per_programme", "各项目投入经费", "Money per programme", "元",
                [.. programmes.Where(p => p.Money > 0).OrderByDescending(p => p.Money).Select(p => new ChartPoint(p.Name, p.Money))]),
            new Chart("served_per_month", "每月服务人次", "People served per month", "人次",
                [.. Enumerable.Range(1, 12).Select(month => new ChartPoint(month.ToString(CultureInfo.InvariantCulture) + "月",
                    servedRows.Where(row => row.Month == month).Sum(row => row.Figure.People)))]),
            new Chart("served_per_street", "各街道服务人次", "People served per street", "人次",
                [.. servedRows.Where(row => row.Street is not null).GroupBy(row => row.Street!).OrderBy(group => group.Key, StringComparer.Ordinal)
                    .Select(group => new ChartPoint(wording.StreetNames?.GetValueOrDefault(group.Key) ?? group.Key, group.Sum(row => row.Figure.People)))]),
            // A target whose source has reported nothing has no rate: it is left out rather than drawn as zero.
            new Chart("targets_against_goals", "规划目标完成情况", "Targets against their goals", "%",
                [.. targets.Where(t => t.Rate is not null).Select(t => new ChartPoint(
                    string.Create(CultureInfo.InvariantCulture, $"{t.Title}（目标≥{t.Goal:0.#}%）"), t.Rate!.Value))]),
        ];
    }
}
