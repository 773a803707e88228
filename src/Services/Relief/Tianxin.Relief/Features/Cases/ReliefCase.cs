using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Relief.Features.Cases;

/// <param name="Status">submitted, granted or refused.</param>
/// <param name="ReferredFrom">The service and case that referred it (e.g. grievance:…), whose outcome it reports back.</param>
public sealed record ReliefCase(
    Guid Id, Guid ProgrammeId, Guid PersonId, string CommunityCode, bool RegisteredPoor, decimal Amount, string Cause, DateOnly OccurredOn,
    string Status, string Method, string? ReferredFrom, Guid? PaymentId, string? RefusalReason, DateOnly? DecidedOn)
{
    private const string Columns =
        """
        id, programme_id, person_id, community_code, registered_poor, amount, cause, occurred_on, status, method, referred_from, payment_id,
        refusal_reason, decided_on
        """;

    /// <summary>A new submitted case, written in the caller's transaction with whatever else the use case records beside it.</summary>
    public static Task<int> InsertAsync(NpgsqlTransaction transaction, Guid id, ReliefProgramme programme, PersonFacts person, decimal amount,
        string cause, DateOnly occurredOn, string method, string? referredFrom, string by, CancellationToken cancellationToken) =>
        transaction.Command(
            """
            insert into relief_cases (id, programme_id, person_id, community_code, registered_poor, amount, cause, occurred_on, method, referred_from,
                                      submitted_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, id, programme.Id, person.PersonId, person.CommunityCode, person.IsRegisteredPoor, amount, cause, occurredOn, method, referredFrom, by)
            .ExecuteAsync(cancellationToken);

    public static Task<ReliefCase?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from relief_cases where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<ReliefCase?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from relief_cases where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<ReliefCase>> ListAsync(NpgsqlDataSource dataSource, Guid? programmeId, string? status, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from relief_cases
                where community_code like $1 and ($2::uuid is null or programme_id = $2) and ($3::text is null or status = $3)
                order by registered_poor desc, submitted_at limit 1000
                """, scope.Area.LikePattern, programmeId, status)
            .ReadAllAsync(Read, cancellationToken);

    private static ReliefCase Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("programme_id"), reader.Get<Guid>("person_id"), reader.Get<string>("community_code"),
            reader.Get<bool>("registered_poor"), reader.Get<decimal>("amount"), reader.Get<string>("cause"), reader.Get<DateOnly>("occurred_on"),
            reader.Get<string>("status"), reader.Get<string>("method"), reader.NullableString("referred_from"), reader.Nullable<Guid>("payment_id"),
            reader.NullableString("refusal_reason"), reader.Nullable<DateOnly>("decided_on"));
}
