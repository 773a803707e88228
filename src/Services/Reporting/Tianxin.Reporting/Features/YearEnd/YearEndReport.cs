using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.YearEnd;

/// <param name="Figures">Each measure the line quotes, with what its facts add up to (zeros when none arrived).</param>
public sealed record ReportLine(string Programme, string Text, string TextEn, bool HasData, IReadOnlyDictionary<string, Figure> Figures);

public sealed record ReportSection(string Code, string Title, string TitleEn, IReadOnlyList<ReportLine> Lines);

/// <param name="Money">The amount of the programme's money measure, yuan to the fen.</param>
/// <param name="People">Distinct people of its people measure.</param>
public sealed record ProgrammeSummary(string Code, string Section, string Name, string NameEn, decimal Money, long People);

public sealed record ChartPoint(string Label, decimal Value);

/// <param name="Unit">元, 人次, %…</param>
public sealed record Chart(string Code, string Title, string TitleEn, string Unit, IReadOnlyList<ChartPoint> Points);

/// <summary>
/// The year-end work report as the platform drafts it from the events it counted: the same events always
/// give the same report, to the byte in JSON (nothing in it depends on when it was drafted).
/// </summary>
public sealed record YearEndReport(int Year, string Title, string TitleEn, IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<ProgrammeSummary> Programmes, IReadOnlyList<Chart> Charts)
{
    public IEnumerable<ReportLine> Lines => Sections.SelectMany(section => section.Lines);
}
