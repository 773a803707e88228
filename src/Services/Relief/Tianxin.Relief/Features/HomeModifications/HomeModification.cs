using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.HomeModifications;

/// <param name="Status">surveyed, planned, in_works, completed or refused.</param>
public sealed record HomeModification(
    Guid Id, Guid ProgrammeId, Guid PersonId, string CommunityCode, bool RegisteredPoor, bool Rural, string Status, string SurveyNotes,
    DateOnly SurveyedOn, string? Plan, decimal? Amount, DateOnly? PlannedOn, DateOnly? WorksStartedOn, DateOnly? CompletedOn, decimal? Spent,
    string? RefusalReason, int Version)
{
    private const string Columns =
        """
        id, programme_id, person_id, community_code, registered_poor, rural, status, survey_notes, surveyed_on, plan, amount, planned_on,
        works_started_on, completed_on, spent, refusal_reason, version
        """;

    public static Task<HomeModification?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from home_modifications where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<HomeModification?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from home_modifications where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>The worklist: registered-poor households first, then rural ones, then by survey date.</summary>
    public static Task<List<HomeModification>> ListAsync(NpgsqlDataSource dataSource, Guid? programmeId, string? status, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from home_modifications
                where community_code like $1 and ($2::uuid is null or programme_id = $2) and ($3::text is null or status = $3)
                order by registered_poor desc, rural desc, surveyed_on, id limit 1000
                """, scope.Area.LikePattern, programmeId, status)
            .ReadAllAsync(Read, cancellationToken);

    private static HomeModification Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("programme_id"), reader.Get<Guid>("person_id"), reader.Get<string>("community_code"),
            reader.Get<bool>("registered_poor"), reader.Get<bool>("rural"), reader.Get<string>("status"), reader.Get<string>("survey_notes"),
            reader.Get<DateOnly>("surveyed_on"), reader.NullableString("plan"), reader.Nullable<decimal>("amount"), reader.Nullable<DateOnly>("planned_on"),
            reader.Nullable<DateOnly>("works_started_on"), reader.Nullable<DateOnly>("completed_on"), reader.Nullable<decimal>("spent"),
            reader.NullableString("refusal_reason"), reader.Get<int>("version"));
}
