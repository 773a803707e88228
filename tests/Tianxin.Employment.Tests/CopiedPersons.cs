using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Tests;

/// <summary>Rows of the eligibility copy as the registry's events would leave them.</summary>
public static class CopiedPersons
{
    public const string XintianCommunity = "430103001001";
    public const string QingyuanCommunity = "430103006001";

    public static async Task<Guid> AddAsync(NpgsqlDataSource dataSource, int? category = 4, int? grade = 3, string community = XintianCommunity,
        DateOnly? birthDate = null, string sex = "male", Guid? householdId = null, string[]? flags = null)
    {
        var id = Guid.NewGuid();
        await dataSource.Command(
            """
            insert into eligibility_persons (person_id, birth_date, sex, community_code, status, category, grade, household_flags, facts_version, household_id)
            values ($1, $2, $3, $4, 'active', $5, $6, $7, 1, $8)
            """, id, birthDate ?? new DateOnly(1990, 6, 1), sex, community, (short?)category, (short?)grade, flags ?? [], householdId)
            .ExecuteAsync(default);
        return id;
    }
}
