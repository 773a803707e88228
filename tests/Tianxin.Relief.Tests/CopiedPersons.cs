using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Relief.Tests;

/// <summary>Writes a person into relief's copy of the registry's facts, as the copy's consumer would.</summary>
public static class CopiedPersons
{
    public static async Task<Guid> AddAsync(NpgsqlDataSource dataSource, PersonFacts person)
    {
        await dataSource.Command(
            """
            insert into eligibility_persons (person_id, birth_date, sex, community_code, status, category, grade, household_flags, facts_version, household_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9)
            """, person.PersonId, person.BirthDate, person.Sex, person.CommunityCode, person.Status, (short?)person.Category, (short?)person.Grade,
            person.HouseholdFlags.ToArray(), person.HouseholdId).ExecuteAsync(default);
        return person.PersonId;
    }
}
