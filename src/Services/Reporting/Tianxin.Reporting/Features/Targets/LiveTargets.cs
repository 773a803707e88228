using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Targets;

/// <summary>
/// The plan's targets as they stand, from the counted events and the registry's persons, within an area.
/// Which persons each side counts is written here; the goals and their wording are the district's data.
/// </summary>
public sealed class LiveTargets(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The persons a bureau's latest report of the year counts (items 1), from the year's reports alone: a later report
    /// replaces an earlier one. Joined to the persons rather than asked per person, which at a hundred thousand persons
    /// was most of a draft.
    /// </summary>
    private static string Latest(string programme) =>
        $"""
        left join (
            select distinct on (f.person_id) f.person_id, f.items = 1 as counted
            from report_facts f join reported_events e on e.message_id = f.message_id
            where f.year = $1 and f.programme = '{programme}' and f.measure = 'reported'
            order by f.person_id, e.occurred_at desc, e.message_id desc
        ) latest on latest.person_id = p.person_id
        """;

    /// <summary>Per target: the persons of the denominator, each with whether the numerator counts them ($1 year, $2 area pattern).</summary>
    private static readonly Dictionary<string, string> Members = new()
    {
        ["rehabilitation"] =
            """
            select p.person_id, p.community_code, served.person_id is not null
            from report_persons p
            join (select distinct n.person_id from report_facts n join report_programmes np on np.code = n.programme and np.section = 'rehabilitation'
                  where n.year = $1 and n.measure = 'need') need on need.person_id = p.person_id
            left join (select distinct s.person_id from report_facts s join report_programmes sp on sp.code = s.programme and sp.section = 'rehabilitation'
                       where s.year = $1 and s.measure in ('approved', 'devices', 'served', 'operations')) served on served.person_id = p.person_id
            where p.community_code like $2
            """,
        ["compulsory_education"] =
            $"""
            select p.person_id, p.community_code, coalesce(latest.counted, false)
            from report_persons p
            {Latest("compulsory_education")}
            where p.community_code like $2 and p.status = 'active' and p.grade is not null
              and p.birth_date between make_date($1 - 15, 9, 2) and make_date($1 - 6, 9, 1)
            """,
        ["social_security"] =
            $"""
            select p.person_id, p.community_code, coalesce(latest.counted, false)
            from report_persons p
            {Latest("social_security")}
            where p.community_code like $2 and p.status = 'active' and p.grade is not null and p.birth_date <= make_date($1 - 16, 12, 31)
            """,
        ["two_subsidies"] =
            """
            select p.person_id, p.community_code, coalesce(care.enrolled, 0) > coalesce(care.ended, 0)
            from report_persons p
            left join (
                select person_id, max(year * 100 + month) filter (where measure = 'enrolled') as enrolled,
                       max(year * 100 + month) filter (where measure = 'ended') as ended
                from report_facts
                where programme = 'care_subsidy' and measure in ('enrolled', 'ended') and year <= $1 and year * 100 + month <= $1 * 100 + 12
                group by person_id
            ) care on care.person_id = p.person_id
            where p.community_code like $2 and p.status = 'active' and p.grade in (1, 2)
            """,
    };

    /// <summary>Whether the target's source has reported anything for the year ($1 year).</summary>
    private static readonly Dictionary<string, string> Sourced = new()
    {
        ["rehabilitation"] = "select exists (select 1 from report_facts f join report_programmes p on p.code = f.programme and p.section = 'rehabilitation' where f.year = $1)",
        ["compulsory_education"] = "select exists (select 1 from report_facts where programme = 'compulsory_education' and year = $1)",
        ["social_security"] = "select exists (select 1 from report_facts where programme = 'social_security' and year = $1)",
        ["two_subsidies"] = "select exists (select 1 from report_facts where programme = 'care_subsidy' and measure = 'enrolled' and year <= $1)",
    };

    private const int GapsShown = 500;

    public async Task<TargetsView> FindAsync(int year, AreaScope scope, CancellationToken cancellationToken)
    {
        var targets = await dataSource.Command(
                "select code, title_zh, title_en, goal, numerator_means, denominator_means from report_targets order by position")
            .ReadAllAsync(r => (Code: r.GetString(0), Title: r.GetString(1), TitleEn: r.GetString(2), Goal: r.GetDecimal(3),
                Numerator: r.GetString(4), Denominator: r.GetString(5)), cancellationToken);
        var found = new List<LiveTarget>();
        foreach (var target in targets.Where(t => Members.ContainsKey(t.Code)))
        {
            var members = await dataSource.Command(Members[target.Code], year, scope.Area.LikePattern)
                .ReadAllAsync(r => (Person: r.GetGuid(0), Community: r.GetString(1), Counted: r.GetBoolean(2)), cancellationToken);
            var hasData = await dataSource.Command(Sourced[target.Code], year).ScalarAsync<bool>(cancellationToken);
            long numerator = members.Count(m => m.Counted);
            found.Add(new LiveTarget(target.Code, target.Title, target.TitleEn, target.Goal, numerator, members.Count,
                hasData && members.Count > 0 ? Math.Round(numerator * 100m / members.Count, 1, MidpointRounding.AwayFromZero) : null,
                hasData, target.Numerator, target.Denominator,
                [.. members.GroupBy(m => m.Community[..9]).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new StreetTarget(g.Key, g.Count(m => m.Counted), g.Count()))],
                [.. members.Where(m => !m.Counted).OrderBy(m => m.Community, StringComparer.Ordinal).ThenBy(m => m.Person)
                    .Take(GapsShown).Select(m => new TargetGap(m.Person, m.Community))]));
        }
        return new TargetsView(year, scope.Area.Value, found);
    }
}
