using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.WorkOrders;

/// <summary>
/// The hotline's four measures for one street and month of receipt: 签收率 (signed on time of the orders), 按时办结率
/// (closed on time of the orders), 满意率 and 解决率 (of the orders called back). Returned orders are not the street's and do not count.
/// </summary>
public sealed record StreetMonthRates(string Street, string Month, int Orders, int SignedOnTime, int Closed, int ClosedOnTime, int CalledBack,
    int Satisfied, int Resolved)
{
    public decimal? SignedOnTimeRate => Rate(SignedOnTime, Orders);
    public decimal? ClosedOnTimeRate => Rate(ClosedOnTime, Orders);
    public decimal? SatisfiedRate => Rate(Satisfied, CalledBack);
    public decimal? ResolvedRate => Rate(Resolved, CalledBack);

    /// <summary>A percentage to one decimal; none of nothing.</summary>
    public static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);
}

public static class WorkOrderRates
{
    public static Task<List<StreetMonthRates>> FindAsync(NpgsqlDataSource dataSource, int year, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select left(c.community_code, 9) as street, to_char(w.received_on, 'YYYY-MM') as month, count(*)::int as orders,
                       count(*) filter (where w.signed_on <= w.sign_due)::int as signed_on_time,
                       count(*) filter (where w.closed_on is not null)::int as closed,
                       count(*) filter (where c.closed_on_time)::int as closed_on_time,
                       count(*) filter (where w.called_back_on is not null)::int as called_back,
                       count(*) filter (where w.satisfaction in ('satisfied', 'basically_satisfied'))::int as satisfied,
                       count(*) filter (where w.resolved)::int as resolved
                from work_orders w join grievance_cases c on c.id = w.case_id
                where w.state <> 'returned' and w.received_on >= make_date($1, 1, 1) and w.received_on < make_date($1 + 1, 1, 1)
                  and c.community_code like $2
                group by 1, 2 order by 1, 2
                """, year, scope.Area.LikePattern)
            .ReadAllAsync(r => new StreetMonthRates(r.Get<string>("street"), r.Get<string>("month"), r.Get<int>("orders"), r.Get<int>("signed_on_time"),
                r.Get<int>("closed"), r.Get<int>("closed_on_time"), r.Get<int>("called_back"), r.Get<int>("satisfied"), r.Get<int>("resolved")),
                cancellationToken);
}
