using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Seekers;

/// <param name="AbleMembers">The household's registered seekers of working age able to work, to follow up.</param>
public sealed record ZeroEmploymentHousehold(Guid HouseholdId, string StreetCode, string CommunityCode, IReadOnlyList<Guid> AbleMembers);

public sealed record ZeroEmploymentPage(int Total, IReadOnlyList<ZeroEmploymentHousehold> Items);

/// <summary>
/// 零就业家庭: households with a member of working age able to work (a registered seeker whose ability is not
/// none) and no member employed. Members are the certificate holders the registry's events name.
/// </summary>
public sealed class ZeroEmploymentHouseholds(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<ZeroEmploymentPage> HandleAsync(AreaScope scope, int offset, int limit, CancellationToken cancellationToken)
    {
        var rows = await dataSource.Command(
                """
                with ages as materialized (select * from working_age_births($2)),
                able as (
                    select e.household_id, min(e.community_code) as community_code, array_agg(e.person_id order by e.person_id) as members
                    from seekers s join eligibility_persons e on e.person_id = s.person_id
                    join ages w on w.sex = e.sex and e.birth_date > w.born_after and e.birth_date <= w.born_until
                    where e.household_id is not null and e.status = 'active' and s.working_ability <> 'none' and e.community_code like $1
                    group by e.household_id)
                select a.household_id, a.community_code, a.members, count(*) over () as total
                from able a
                -- Once per household, not per member: the households are fewer.
                where not exists (select 1 from eligibility_persons m
                                  join employment_records r on r.person_id = m.person_id and r.ended_on is null
                                  where m.household_id = a.household_id)
                order by a.community_code, a.household_id offset $3 limit $4
                """, scope.Area.LikePattern, clock.TodayInChina(), offset, limit)
            .ReadAllAsync(reader => (Total: reader.Get<long>("total"), Household: new ZeroEmploymentHousehold(reader.Get<Guid>("household_id"),
                reader.Get<string>("community_code")[..9], reader.Get<string>("community_code"), reader.Get<Guid[]>("members"))), cancellationToken);
        return new ZeroEmploymentPage(rows.Count > 0 ? (int)rows[0].Total : 0, rows.Select(r => r.Household).ToList());
    }
}
