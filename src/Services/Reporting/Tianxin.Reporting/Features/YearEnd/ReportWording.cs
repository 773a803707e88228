using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.YearEnd;

public sealed record SectionWording(string Code, string Title, string TitleEn);

public sealed record LineWording(string Section, string Programme, string TemplateZh, string TemplateEn);

public sealed record ProgrammeWording(string Code, string Section, string Name, string NameEn, string? MoneyMeasure, string? PeopleMeasure);

/// <summary>The report's sections, lines and programme names for a year, as the district keeps them.</summary>
/// <param name="StreetNames">Street code → name, for the charts; a street without one is shown by its code.</param>
public sealed record ReportWording(
    IReadOnlyList<SectionWording> Sections, IReadOnlyList<LineWording> Lines, IReadOnlyList<ProgrammeWording> Programmes,
    IReadOnlyDictionary<string, string>? StreetNames = null)
{
    public static async Task<ReportWording> ForYearAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken) =>
        new(await dataSource.Command("select code, title_zh, title_en from report_sections order by position")
                .ReadAllAsync(r => new SectionWording(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken),
            await dataSource.Command(
                    """
                    select l.section, l.programme, l.template_zh, l.template_en from report_lines l join report_sections s on s.code = l.section
                    where l.from_year <= $1 and (l.to_year is null or l.to_year >= $1) order by s.position, l.position
                    """, year)
                .ReadAllAsync(r => new LineWording(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)), cancellationToken),
            await dataSource.Command(
                    """
                    select p.code, p.section, p.name_zh, p.name_en, p.money_measure, p.people_measure
                    from report_programmes p join report_sections s on s.code = p.section order by s.position, p.code
                    """)
                .ReadAllAsync(r => new ProgrammeWording(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)), cancellationToken),
            (await dataSource.Command("select code, name from report_street_names")
                .ReadAllAsync(r => (Code: r.GetString(0), Name: r.GetString(1)), cancellationToken)).ToDictionary(s => s.Code, s => s.Name));
}
