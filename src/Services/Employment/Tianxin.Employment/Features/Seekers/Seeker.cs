using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Seekers;

/// <summary>A registered job seeker with the facts the eligibility copy holds now and their current employment, if any.</summary>
/// <param name="WorkingAbility">full, partial or none.</param>
public sealed record Seeker(
    Guid PersonId, string CommunityCode, int? Category, int? Grade, string Education, IReadOnlyList<string> Skills, string DesiredWork,
    string WorkingAbility, IReadOnlyList<string> PreferredStreets, bool HardToEmploy, DateOnly? HardToEmployOn, DateOnly RegisteredOn,
    EmploymentRecord? Employment)
{
    private const string Select =
        """
        select s.person_id, e.community_code, e.category, e.grade, s.education, s.skills, s.desired_work, s.working_ability, s.preferred_streets,
               s.hard_to_employ, s.hard_to_employ_on, s.registered_on, r.id as record_id
        from seekers s
        join eligibility_persons e on e.person_id = s.person_id
        left join employment_records r on r.person_id = s.person_id and r.ended_on is null
        """;

    public static async Task<Seeker?> FindAsync(NpgsqlDataSource dataSource, Guid personId, AreaScope scope, CancellationToken cancellationToken)
    {
        var found = (await dataSource.Command($"{Select} where s.person_id = $1 and e.community_code like $2", personId, scope.Area.LikePattern)
            .ReadAllAsync(reader => (Seeker: Read(reader), RecordId: reader.Nullable<Guid>("record_id")), cancellationToken)).SingleOrDefault();
        if (found.Seeker is null)
        {
            return null;
        }
        return found.RecordId is { } recordId
            ? found.Seeker with { Employment = await EmploymentRecord.FindAsync(dataSource, recordId, cancellationToken) }
            : found.Seeker;
    }

    /// <param name="employed">True: only those with a job now; false: only those without; null: all.</param>
    public static Task<List<Seeker>> ListAsync(NpgsqlDataSource dataSource, AreaScope scope, bool? employed, int limit, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                {Select}
                where e.community_code like $1 and ($2::boolean is null or s.employed = $2)
                order by s.registered_on desc, s.person_id limit $3
                """, scope.Area.LikePattern, employed, limit)
            .ReadAllAsync(Read, cancellationToken);

    private static Seeker Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("person_id"), reader.Get<string>("community_code"), reader.Nullable<short>("category"), reader.Nullable<short>("grade"),
            reader.Get<string>("education"), reader.Get<string[]>("skills"), reader.Get<string>("desired_work"), reader.Get<string>("working_ability"),
            reader.Get<string[]>("preferred_streets"), reader.Get<bool>("hard_to_employ"), reader.Nullable<DateOnly>("hard_to_employ_on"),
            reader.Get<DateOnly>("registered_on"), null);
}
