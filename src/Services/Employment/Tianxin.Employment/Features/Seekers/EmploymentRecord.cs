using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Seekers;

/// <param name="Kind">employer, self_employed, flexible, public_welfare_post (naming its post) or concentrated_base.</param>
/// <param name="Source">staff, referral:&lt;id&gt; or fair:&lt;id&gt;.</param>
public sealed record EmploymentRecord(
    Guid Id, Guid PersonId, string CommunityCode, string Kind, Guid? EmployerId, DateOnly StartedOn, DateOnly? EndedOn, string? EndReason, string Source,
    Guid? PostId)
{
    public static readonly string[] Kinds = ["employer", "self_employed", "flexible", "public_welfare_post", "concentrated_base"];

    private const string Columns = "id, person_id, community_code, kind, employer_id, started_on, ended_on, end_reason, source, post_id";

    public static Task<EmploymentRecord?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from employment_records where id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<EmploymentRecord>> HistoryAsync(NpgsqlDataSource dataSource, Guid personId, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"select {Columns} from employment_records where person_id = $1 and community_code like $2 order by started_on desc",
                personId, scope.Area.LikePattern)
            .ReadAllAsync(Read, cancellationToken);

    public static Task<EmploymentRecord?> LockOpenAsync(NpgsqlTransaction transaction, Guid personId, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from employment_records where person_id = $1 and ended_on is null for update", personId)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    private static EmploymentRecord Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("person_id"), reader.Get<string>("community_code"), reader.Get<string>("kind"),
            reader.Nullable<Guid>("employer_id"), reader.Get<DateOnly>("started_on"), reader.Nullable<DateOnly>("ended_on"),
            reader.NullableString("end_reason"), reader.Get<string>("source"), reader.Nullable<Guid>("post_id"));
}
