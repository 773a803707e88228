using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Grievance.Features.WorkOrders;

namespace Tianxin.Grievance.Features.Figures;

/// <param name="ByLevel">Where the petitions are held now: district, street or community.</param>
public sealed record PetitionFigures(int Received, IReadOnlyDictionary<string, int> ByChannel, IReadOnlyDictionary<string, int> BySubject,
    IReadOnlyDictionary<string, int> ByLevel, int Replied, int RepliedOnTime, int EscalatedBeyondDistrict);

public sealed record WorkOrderFigures(int Orders, int SignedOnTime, int Closed, int ClosedOnTime, int CalledBack, int Satisfied, int Resolved)
{
    public decimal? SignedOnTimeRate => StreetMonthRates.Rate(SignedOnTime, Orders);
    public decimal? ClosedOnTimeRate => StreetMonthRates.Rate(ClosedOnTime, Orders);
    public decimal? SatisfiedRate => StreetMonthRates.Rate(Satisfied, CalledBack);
    public decimal? ResolvedRate => StreetMonthRates.Rate(Resolved, CalledBack);
}

public sealed record LegalAidFigures(int Cases, int Consultations, int Actions);

public sealed record DefectFigures(int Found, int Fixed, int Verified, IReadOnlyDictionary<string, int> FoundByType);

/// <summary>One year of rights work for the year-end report, within the caller's area.</summary>
public sealed record GrievanceFigures(int Year, PetitionFigures Petitions, int Complaints, WorkOrderFigures WorkOrders, LegalAidFigures LegalAid,
    DefectFigures Defects)
{
    public static async Task<GrievanceFigures> FindAsync(NpgsqlDataSource dataSource, int year, AreaScope scope, CancellationToken cancellationToken)
    {
        var area = scope.Area.LikePattern;
        var petitions = await CountsAsync(dataSource,
            """
            select 'channel:' || channel as key, count(*)::int as n from grievance_cases where kind = 'petition' and extract(year from received_on) = $1 and community_code like $2 group by 1
            union all
            select 'subject:' || subject, count(*)::int from grievance_cases where kind = 'petition' and extract(year from received_on) = $1 and community_code like $2 group by 1
            union all
            select 'level:' || case length(area_code) when 6 then 'district' when 9 then 'street' else 'community' end, count(*)::int
            from grievance_cases where kind = 'petition' and extract(year from received_on) = $1 and community_code like $2 group by 1
            union all
            select 'replied', count(*)::int from grievance_cases where kind = 'petition' and extract(year from replied_on) = $1 and community_code like $2
            union all
            select 'replied_on_time', count(*)::int from grievance_cases where kind = 'petition' and extract(year from replied_on) = $1 and replied_on_time and community_code like $2
            union all
            select 'escalated', count(*)::int from grievance_cases where extract(year from escalated_on) = $1 and community_code like $2
            union all
            select 'complaints', count(*)::int from grievance_cases where kind = 'complaint' and extract(year from received_on) = $1 and community_code like $2
            """, year, area, cancellationToken);
        var orders = (await WorkOrderRates.FindAsync(dataSource, year, scope, cancellationToken)).ToList();
        var other = await CountsAsync(dataSource,
            """
            select 'legal_cases', count(*)::int from legal_aid_cases where extract(year from opened_on) = $1 and community_code like $2
            union all
            select 'legal:' || a.kind, count(*)::int from legal_aid_actions a join legal_aid_cases c on c.id = a.legal_case_id
            where extract(year from a.on_day) = $1 and c.community_code like $2 group by 1
            union all
            select 'found:' || type, count(*)::int from accessibility_defects where extract(year from reported_on) = $1 and community_code like $2 group by 1
            union all
            select 'fixed', count(*)::int from accessibility_defects where extract(year from fixed_on) = $1 and community_code like $2
            union all
            select 'verified', count(*)::int from accessibility_defects where extract(year from verified_on) = $1 and community_code like $2
            """, year, area, cancellationToken);
        return new GrievanceFigures(year,
            new PetitionFigures(Prefixed(petitions, "channel:").Values.Sum(), Prefixed(petitions, "channel:"), Prefixed(petitions, "subject:"),
                Prefixed(petitions, "level:"), petitions.GetValueOrDefault("replied"), petitions.GetValueOrDefault("replied_on_time"),
                petitions.GetValueOrDefault("escalated")),
            petitions.GetValueOrDefault("complaints"),
            new WorkOrderFigures(orders.Sum(o => o.Orders), orders.Sum(o => o.SignedOnTime), orders.Sum(o => o.Closed), orders.Sum(o => o.ClosedOnTime),
                orders.Sum(o => o.CalledBack), orders.Sum(o => o.Satisfied), orders.Sum(o => o.Resolved)),
            new LegalAidFigures(other.GetValueOrDefault("legal_cases"), other.GetValueOrDefault("legal:consultation"), other.GetValueOrDefault("legal:action")),
            new DefectFigures(Prefixed(other, "found:").Values.Sum(), other.GetValueOrDefault("fixed"), other.GetValueOrDefault("verified"),
                Prefixed(other, "found:")));
    }

    private static async Task<Dictionary<string, int>> CountsAsync(NpgsqlDataSource dataSource, string sql, int year, string area,
        CancellationToken cancellationToken) =>
        (await dataSource.Command(sql, year, area).ReadAllAsync(r => (Key: r.GetString(0), Count: r.GetInt32(1)), cancellationToken))
        .ToDictionary(row => row.Key, row => row.Count);

    private static Dictionary<string, int> Prefixed(Dictionary<string, int> counts, string prefix) =>
        counts.Where(pair => pair.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(pair => pair.Key[prefix.Length..], pair => pair.Value);
}
