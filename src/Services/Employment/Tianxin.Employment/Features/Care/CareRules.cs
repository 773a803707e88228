using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Care;

/// <summary>
/// Who care is for (care_rules: the latest year not after the day's, or the first year there is for a day before
/// it), asked of the database together with working_age_on.
/// </summary>
public static class CareRules
{
    public const string InvalidTitle = "托养信息有误 / The care record has errors";

    public static Task<bool> EligibleAsync(NpgsqlDataSource dataSource, Guid personId, DateOnly day, CancellationToken cancellationToken) =>
        dataSource.Command(
            """
            select exists (
                select 1 from eligibility_persons e,
                     lateral (select max_grade, categories from care_rules
                              order by year > extract(year from $2::date), abs(year - extract(year from $2::date)) limit 1) r
                where e.person_id = $1 and e.status = 'active' and e.grade is not null
                  and (e.grade <= r.max_grade or e.category = any (r.categories)) and working_age_on(e.sex, e.birth_date, $2))
            """, personId, day).ScalarAsync<bool>(cancellationToken);
}
