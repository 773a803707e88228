using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

public sealed record AtRiskCase(Guid Id, string Number, string Kind, string Street, string CommunityCode, string AreaCode, string Stage, DateOnly DueOn,
    int DaysLeft, string ClockStatus);

public sealed record StreetClocks(string Street, int AtRisk, int Breached);

public sealed record AtRiskList(DateOnly Today, int AtRiskDays, IReadOnlyList<StreetClocks> Streets, IReadOnlyList<AtRiskCase> Cases);

/// <summary>
/// The open cases whose clock runs out within the at-risk days or has run out, of the caller's area: the count
/// per street over all of them, and the most overdue first, a page at a time. Both read one range of the partial
/// due-date index.
/// </summary>
public sealed class AtRiskCases(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const int DefaultLimit = 200;

    public async Task<AtRiskList> FindAsync(AreaScope scope, string? street, int? limit, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        var atRiskDays = await ClockRules.AtRiskDaysAsync(dataSource, cancellationToken);
        const string Due = "due_on is not null and due_on <= $1 and area_code like $2 and ($3::text is null or community_code like $3 || '%')";
        var streets = await dataSource.Command(
                $"""
                select left(community_code, 9) as street, count(*) filter (where due_on >= $4)::int as at_risk, count(*) filter (where due_on < $4)::int as breached
                from grievance_cases where {Due} group by 1 order by 1
                """, today.AddDays(atRiskDays), scope.Area.LikePattern, street, today)
            .ReadAllAsync(r => new StreetClocks(r.Get<string>("street"), r.Get<int>("at_risk"), r.Get<int>("breached")), cancellationToken);
        var cases = await dataSource.Command(
                $"""
                select id, number, kind, left(community_code, 9) as street, community_code, area_code, stage, due_on
                from grievance_cases where {Due}
                order by due_on, number limit $4
                """, today.AddDays(atRiskDays), scope.Area.LikePattern, street, Math.Clamp(limit ?? DefaultLimit, 1, 1000))
            .ReadAllAsync(r =>
            {
                var due = r.Get<DateOnly>("due_on");
                return new AtRiskCase(r.Get<Guid>("id"), r.Get<string>("number"), r.Get<string>("kind"), r.Get<string>("street"),
                    r.Get<string>("community_code"), r.Get<string>("area_code"), r.Get<string>("stage"), due, due.DayNumber - today.DayNumber,
                    due < today ? Clocks.ClockStatus.Breached : Clocks.ClockStatus.AtRisk);
            }, cancellationToken);
        return new AtRiskList(today, atRiskDays, streets, cases);
    }
}
