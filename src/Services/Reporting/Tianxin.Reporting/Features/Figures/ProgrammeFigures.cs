using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>
/// The year's figures per programme and measure: for the year, each month and each street. A fact without
/// a community of its own counts where its person lives; one with neither counts for the district only.
/// </summary>
public static class ProgrammeFigures
{
    public static async Task<List<FigureRow>> FindAsync(NpgsqlDataSource dataSource, int year, AreaScope scope, CancellationToken cancellationToken)
    {
        var rows = await dataSource.Command(
                """
                with facts as (
                    select f.programme, f.measure, f.month, f.person_id, f.items, f.amount,
                           coalesce(f.household_id, p.household_id, f.person_id) as household,
                           left(coalesce(f.community_code, p.community_code), 9) as street
                    from report_facts f left join report_persons p on p.person_id = f.person_id
                    where f.year = $1 and ($2::text is null or coalesce(f.community_code, p.community_code) like $2)
                )
                select programme, measure, month, street, grouping(month) as no_month, grouping(street) as no_street,
                       count(*) as facts, count(distinct person_id) as people, count(distinct household) as households,
                       coalesce(sum(items), 0) as items, coalesce(sum(amount), 0) as amount
                from facts
                group by grouping sets ((programme, measure), (programme, measure, month), (programme, measure, street))
                order by programme, measure, no_month desc, no_street desc, month, street
                """, year, scope == AreaScope.District ? null : scope.Area.LikePattern)
            .ReadAllAsync(r => (ByMonth: r.GetInt32(4) == 0, ByStreet: r.GetInt32(5) == 0,
                Row: new FigureRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetInt16(2), r.IsDBNull(3) ? null : r.GetString(3),
                    new Figure(r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetDecimal(10)))), cancellationToken);
        // A month's group of facts without a month, or a street's without a place, is not a figure of either.
        return [.. rows.Where(r => r.ByMonth ? r.Row.Month is not null : !r.ByStreet || r.Row.Street is not null).Select(r => r.Row)];
    }

    public static IReadOnlyDictionary<(string Programme, string Measure), Figure> Totals(IEnumerable<FigureRow> rows) =>
        rows.Where(row => row is { Month: null, Street: null }).ToDictionary(row => (row.Programme, row.Measure), row => row.Figure);
}
