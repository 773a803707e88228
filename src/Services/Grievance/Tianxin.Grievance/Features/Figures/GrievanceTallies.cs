using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.Figures;

/// <summary>How many of a measure the year's records hold, named as the report names the facts of the events they sent.</summary>
public sealed record GrievanceTally(string Programme, string Measure, long Count);

/// <summary>
/// The year's records counted as the year-end report counts their events, for reconciling the two: only steps each
/// record keeps once with its day. Replies and closures are left out, since a petition's review answers and closes it
/// again and only the latest day of each is kept.
/// </summary>
public static class GrievanceTallies
{
    public static Task<List<GrievanceTally>> FindAsync(NpgsqlDataSource dataSource, int year, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select kind, 'received', count(*) from grievance_cases
                where extract(year from received_on) = $1 and community_code like $2 group by kind
                union all
                select 'petition', 'escalated', count(*) from grievance_cases
                where extract(year from escalated_on) = $1 and community_code like $2 having count(*) > 0
                union all
                select 'work_order', measure, count(*)
                from work_orders w join grievance_cases c on c.id = w.case_id,
                     lateral (values ('called_back'), ('satisfied')) as m (measure)
                where extract(year from w.called_back_on) = $1 and c.community_code like $2
                  and (measure = 'called_back' or w.satisfaction in ('satisfied', 'basically_satisfied'))
                group by measure
                union all
                select 'accessibility', 'fixed', count(*) from accessibility_defects
                where extract(year from fixed_on) = $1 and community_code like $2 having count(*) > 0
                union all
                select 'legal_aid', a.kind, count(*) from legal_aid_actions a join legal_aid_cases c on c.id = a.legal_case_id
                where extract(year from a.on_day) = $1 and c.community_code like $2 group by a.kind
                """, year, scope.Area.LikePattern)
            .ReadAllAsync(r => new GrievanceTally(r.GetString(0), r.GetString(1), r.GetInt64(2)), cancellationToken);
}
