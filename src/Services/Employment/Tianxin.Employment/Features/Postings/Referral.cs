using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Postings;

/// <param name="Status">referred → interviewed → hired or not_hired (with the reason).</param>
public sealed record Referral(
    Guid Id, Guid PostingId, Guid PersonId, string CommunityCode, string Status, DateOnly? InterviewedOn, DateOnly? DecidedOn, string? Reason,
    Guid? EmploymentRecordId)
{
    private const string Columns = "id, posting_id, person_id, community_code, status, interviewed_on, decided_on, reason, employment_record_id";

    public static Task<Referral?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from referrals where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<Referral?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from referrals where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<Referral>> ListAsync(NpgsqlDataSource dataSource, Guid? postingId, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from referrals where community_code like $1 and ($2::uuid is null or posting_id = $2)
                order by referred_at desc limit 1000
                """, scope.Area.LikePattern, postingId)
            .ReadAllAsync(Read, cancellationToken);

    private static Referral Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("posting_id"), reader.Get<Guid>("person_id"), reader.Get<string>("community_code"),
            reader.Get<string>("status"), reader.Nullable<DateOnly>("interviewed_on"), reader.Nullable<DateOnly>("decided_on"),
            reader.NullableString("reason"), reader.Nullable<Guid>("employment_record_id"));
}
