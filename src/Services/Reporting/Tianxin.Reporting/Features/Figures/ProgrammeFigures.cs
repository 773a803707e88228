using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>
/// The year's figures per programme and measure: for the year, each month and each street. A fact without
/// a community of its own counts where its person lives; one with neither counts for the district only.
/// The district's are kept between drafts (<see cref="DistrictFigures"/>); an area's are counted when asked.
/// </summary>
public static class ProgrammeFigures
{
    /// <summary>
    /// Counts the facts of year $1 that <paramref name="filter"/> keeps. A month's group of facts without a month,
    /// or a street's without a place, is not a figure of either and is left out.
    /// </summary>
    public static string Counting(string filter) =>
        $"""
        select programme, measure, month, street, facts, people, households, items, amount
        from (
            select programme, measure, month, street, grouping(month) as no_month, grouping(street) as no_street,
                   count(*) as facts, count(distinct person_id) as people, count(distinct household) as households,
                   coalesce(sum(items), 0) as items, coalesce(sum(amount), 0) as amount
            from (
                select f.programme, f.measure, f.month, f.person_id, f.items, f.amount,
                       coalesce(f.household_id, p.household_id, f.person_id) as household,
                       left(coalesce(f.community_code, p.community_code), 9) as street
                from report_facts f left join report_persons p on p.person_id = f.person_id
                where f.year = $1 and {filter}
            ) facts
            group by grouping sets ((programme, measure), (programme, measure, month), (programme, measure, street))
        ) grouped
        where case when no_month = 0 then month is not null else no_street = 1 or street is not null end
        """;

    /// <summary>The order rows are answered in: per programme and measure the year's, then its streets', then its months'.</summary>
    public const string Order = "order by programme, measure, month is null desc, street is null desc, month, street";

    public static async Task<List<FigureRow>> FindAsync(NpgsqlDataSource dataSource, int year, AreaScope scope, CancellationToken cancellationToken)
    {
        if (scope == AreaScope.District)
        {
            return await DistrictFigures.FindAsync(dataSource, year, cancellationToken);
        }
        return await dataSource.Command($"{Counting("coalesce(f.community_code, p.community_code) like $2")} {Order}", year, scope.Area.LikePattern)
            .ReadAllAsync(Read, cancellationToken);
    }

    /// <summary>A row of programme, measure, month, street, facts, people, households, items, amount.</summary>
    public static FigureRow Read(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt16(2), r.IsDBNull(3) ? null : r.GetString(3),
            new Figure(r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetDecimal(8)));

    public static IReadOnlyDictionary<(string Programme, string Measure), Figure> Totals(IEnumerable<FigureRow> rows) =>
        rows.Where(row => row is { Month: null, Street: null }).ToDictionary(row => (row.Programme, row.Measure), row => row.Figure);
}
