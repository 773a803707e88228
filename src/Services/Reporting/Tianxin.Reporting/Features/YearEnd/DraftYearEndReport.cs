using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.Targets;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>Drafts the district's year-end report from the counted facts and the district's wording.</summary>
public sealed class DraftYearEndReport(NpgsqlDataSource dataSource)
{
    public async Task<YearEndReport> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var wording = await ReportWording.ForYearAsync(dataSource, year, cancellationToken);
        var rows = await ProgrammeFigures.FindAsync(dataSource, year, AreaScope.District, cancellationToken);
        var targets = await new LiveTargets(dataSource).FindAsync(year, AreaScope.District, cancellationToken);
        return Compose(year, wording, rows, targets.Targets);
    }

    /// <summary>Pure: the same wording and figures give the same report.</summary>
    public static YearEndReport Compose(int year, ReportWording wording, IReadOnlyList<FigureRow> rows, IReadOnlyList<LiveTarget> targets)
    {
        var totals = ProgrammeFigures.Totals(rows);
        var sections = wording.Sections.Select(section => new ReportSection(section.Code, section.Title, section.TitleEn,
            [.. wording.Lines.Where(line => line.Section == section.Code).Select(line => Line(line, totals))])).ToList();
        var programmes = wording.Programmes
            .Select(p => new ProgrammeSummary(p.Code, p.Section, p.Name, p.NameEn,
                p.MoneyMeasure is { } money ? totals.GetValueOrDefault((p.Code, money))?.Amount ?? 0m : 0m,
                p.PeopleMeasure is { } people ? totals.GetValueOrDefault((p.Code, people))?.People ?? 0 : 0))
            .ToList();
        return new YearEndReport(year, $"天心区残联{year}年工作总结（平台草稿）", $"Tianxin District DPF: {year} work report (platform draft)",
            sections, programmes, ReportCharts.Of(programmes, wording, rows, targets));
    }

    private static ReportLine Line(LineWording line, IReadOnlyDictionary<(string, string), Figure> totals)
    {
        Figure? FigureOf(string measure) => totals.GetValueOrDefault((line.Programme, measure));
        var zh = LineTemplate.Render(line.TemplateZh, FigureOf);
        var en = LineTemplate.Render(line.TemplateEn, FigureOf);
        return new ReportLine(line.Programme, zh.Text, en.Text, zh.HasData,
            zh.Measures.ToDictionary(measure => measure, measure => FigureOf(measure) ?? Figure.None));
    }
}
