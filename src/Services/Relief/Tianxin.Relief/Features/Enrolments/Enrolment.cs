using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>A person's enrolment in one of the two subsidies, as staff see it; the bank account only masked.</summary>
/// <param name="Status">proposed, accepted, reviewed, approved, refused, ended or lapsed (ended before approval).</param>
/// <param name="MatchedRule">The rule that found the person (主动发现), in words.</param>
public sealed record Enrolment(
    Guid Id, Guid PersonId, string Subsidy, string CommunityCode, string Status, string MatchedRule, string ProposedFrom,
    DateOnly? StartsMonth, DateOnly? EndsMonth, string? EndReason, string? RefusedAtStep, string? RefusalReason,
    IReadOnlyList<string> OtherBenefits, string? BankAccount, DateTimeOffset ProposedAt, int Version)
{
    public const string Columns =
        """
        id, person_id, subsidy, community_code, status, matched_rule, proposed_from, starts_month, ends_month, end_reason,
        refused_at_step, refusal_reason, other_benefits, bank_account is not null as has_account, proposed_at, version
        """;

    public static Task<Enrolment?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from enrolments where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>The enrolment locked for a step, so two staff acting at once take turns.</summary>
    public static Task<Enrolment?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from enrolments where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Enrolment Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("person_id"), reader.Get<string>("subsidy"), reader.Get<string>("community_code"),
            reader.Get<string>("status"), reader.Get<string>("matched_rule"), reader.Get<string>("proposed_from"),
            reader.Nullable<DateOnly>("starts_month"), reader.Nullable<DateOnly>("ends_month"), reader.NullableString("end_reason"),
            reader.NullableString("refused_at_step"), reader.NullableString("refusal_reason"), reader.Get<string[]>("other_benefits"),
            reader.Get<bool>("has_account") ? "已登记（加密保存） / on file, encrypted" : null, reader.Get<DateTimeOffset>("proposed_at"),
            reader.Get<int>("version"));
}
