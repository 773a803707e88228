using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.Cases;

/// <summary>A case as stored; the complainant's name and phone stay encrypted until <see cref="CaseView"/> shows them.</summary>
public sealed record GrievanceCase(
    Guid Id, string Number, string Kind, string Channel, Guid? PersonId, byte[]? ComplainantName, byte[]? ComplainantPhone, string Subject,
    string CommunityCode, string AreaCode, string? Handler, string Narrative, DateOnly ReceivedOn, string Stage, DateOnly? AcceptedOn,
    int ExtensionDays, string? ExtensionReason, DateOnly? RepliedOn, string? Reply, bool? RepliedOnTime, int ReviewRound,
    DateOnly? ReviewRequestedOn, DateOnly? ReviewAnsweredOn, DateOnly? ClosedOn, bool? ClosedOnTime, string? EscalatedTo, DateOnly? DueOn)
{
    private const string Columns =
        """
        id, number, kind, channel, person_id, complainant_name, complainant_phone, subject, community_code, area_code, handler, narrative,
        received_on, stage, accepted_on, extension_days, extension_reason, replied_on, reply, replied_on_time, review_round,
        review_requested_on, review_answered_on, closed_on, closed_on_time, escalated_to, due_on
        """;

    /// <summary>The answered date the petitioner's review window runs from: the last review's answer, else the reply.</summary>
    public DateOnly? LastAnsweredOn => ReviewAnsweredOn ?? RepliedOn;

    public static Task<GrievanceCase?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from grievance_cases where id = $1 and area_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<GrievanceCase?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from grievance_cases where id = $1 and area_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<GrievanceCase>> ListAsync(NpgsqlDataSource dataSource, CaseQuery query, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from grievance_cases
                where area_code like $1 and ($2::text is null or kind = $2) and ($3::text is null or stage = $3)
                  and ($4::text is null or subject = $4)
                order by received_on desc, number desc limit $5
                """, scope.Area.LikePattern, query.Kind, query.Stage, query.Subject, Math.Clamp(query.Limit ?? 100, 1, 500))
            .ReadAllAsync(Read, cancellationToken);

    private static GrievanceCase Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("number"), reader.Get<string>("kind"), reader.Get<string>("channel"),
            reader.Nullable<Guid>("person_id"), Bytes(reader, "complainant_name"), Bytes(reader, "complainant_phone"), reader.Get<string>("subject"),
            reader.Get<string>("community_code"), reader.Get<string>("area_code"), reader.NullableString("handler"), reader.Get<string>("narrative"),
            reader.Get<DateOnly>("received_on"), reader.Get<string>("stage"), reader.Nullable<DateOnly>("accepted_on"), reader.Get<int>("extension_days"),
            reader.NullableString("extension_reason"), reader.Nullable<DateOnly>("replied_on"), reader.NullableString("reply"),
            reader.Nullable<bool>("replied_on_time"), reader.Get<int>("review_round"), reader.Nullable<DateOnly>("review_requested_on"),
            reader.Nullable<DateOnly>("review_answered_on"), reader.Nullable<DateOnly>("closed_on"), reader.Nullable<bool>("closed_on_time"),
            reader.NullableString("escalated_to"), reader.Nullable<DateOnly>("due_on"));

    private static byte[]? Bytes(NpgsqlDataReader reader, string column) =>
        reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.Get<byte[]>(column);
}

/// <param name="Stage">acceptance, handling, replied, review, closed or not_accepted.</param>
public sealed record CaseQuery(string? Kind, string? Stage, string? Subject, int? Limit);
