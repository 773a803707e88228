using System.Text.Json;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;

namespace Tianxin.Eligibility;

/// <summary>Reads this service's copy of the registry's facts, within the caller's area.</summary>
public sealed class EligibilityCopy(NpgsqlDataSource dataSource)
{
    public static MigrationScripts Migrations { get; } = new(typeof(EligibilityCopy).Assembly, "eligibility.");

    private const string Columns =
        """
        person_id, birth_date, sex, community_code, status, category, grade, household_flags, household_id, household_statuses::text,
        certificate_valid_until, closed_on
        """;

    public Task<PersonFacts?> FindAsync(Guid personId, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from eligibility_persons where person_id = $1 and community_code like $2
                """, personId, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>Every active certificate holder of the area in one read, registered-poor households first (programmes that put them first).</summary>
    public Task<List<PersonFacts>> ActiveHoldersAsync(AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from eligibility_persons where community_code like $1 and status = 'active' and grade is not null
                order by 'registered_poor' = any (household_flags) desc, person_id
                """, scope.Area.LikePattern)
            .ReadAllAsync(Read, cancellationToken);

    /// <summary>
    /// For demo seeders: the registry seeds its demo district at its own pace (persons and certificates, then households
    /// and their statuses), so wait until nothing in the copy changes for a poll, counting updates as well as new persons,
    /// then give the active persons.
    /// </summary>
    public async Task<List<Guid>> SettledActivePersonsAsync(TimeSpan poll, CancellationToken cancellationToken)
    {
        (long Persons, decimal Versions)? previous = null;
        while (true)
        {
            var state = (await dataSource.Command("select count(*), coalesce(sum(facts_version), 0) from eligibility_persons")
                .ReadAllAsync(r => (Persons: r.GetInt64(0), Versions: r.GetDecimal(1)), cancellationToken)).Single();
            if (state.Persons > 0 && state == previous)
            {
                return await dataSource.Command("select person_id from eligibility_persons where status = 'active' order by person_id")
                    .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
            }
            previous = state;
            await Task.Delay(poll, cancellationToken);
        }
    }

    private static PersonFacts Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("person_id"), reader.Get<DateOnly>("birth_date"), reader.Get<string>("sex"), reader.Get<string>("community_code"),
            reader.Get<string>("status"), reader.Nullable<short>("category"), reader.Nullable<short>("grade"), reader.Get<string[]>("household_flags"),
            reader.Nullable<Guid>("household_id"), JsonSerializer.Deserialize<List<HouseholdStatusPeriod>>(reader.Get<string>("household_statuses"),
                JsonSerializerOptions.Web), reader.Nullable<DateOnly>("certificate_valid_until"), reader.Nullable<DateOnly>("closed_on"));
}
