using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <summary>Reads this service's copy of the registry's facts, within the caller's area.</summary>
public static class EligibilityCopy
{
    public static Task<PersonFacts?> FindAsync(NpgsqlDataSource dataSource, Guid personId, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select person_id, birth_date, community_code, status, category, grade, household_flags
                from eligibility_persons where person_id = $1 and community_code like $2
                """, personId, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(reader => new PersonFacts(reader.GetGuid(0), reader.GetFieldValue<DateOnly>(1), reader.GetString(2),
                reader.GetString(3), reader.Nullable<short>(4), reader.Nullable<short>(5), reader.GetFieldValue<string[]>(6)), cancellationToken);
}
