using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.EducationAid;

/// <param name="Year">The year whose rule this is: a year without its own rules uses the latest earlier year's (or the first ever).</param>
public sealed record EducationAidRule(int Year, string Stage, string StageName, decimal Amount, string Source);

public static class EducationAidRules
{
    /// <summary>The rules that apply in a year, one per stage.</summary>
    public static Task<List<EducationAidRule>> ForYearAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select distinct on (s.position) r.year, r.stage, s.name_zh, r.amount, r.source
                from education_aid_rules r join school_stages s on s.code = r.stage
                order by s.position, (r.year <= $1) desc, case when r.year <= $1 then -r.year else r.year end
                """, year)
            .ReadAllAsync(r => new EducationAidRule(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetDecimal(3), r.GetString(4)), cancellationToken);
}
