using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.LabourCases;

/// <param name="Kind">dismissal or unpaid_wages.</param>
/// <param name="Outcome">Once resolved: reinstated, wages_recovered, compensated, legal_aid or unresolved.</param>
public sealed record LabourCase(
    Guid Id, Guid GrievanceId, Guid PersonId, string CommunityCode, string Kind, string? EmployerName, string Summary, DateOnly OccurredOn,
    string Status, string? Outcome, string? Note, DateOnly? ResolvedOn)
{
    private const string Columns =
        "id, grievance_id, person_id, community_code, kind, employer_name, summary, occurred_on, status, outcome, note, resolved_on";

    public static Task<LabourCase?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from labour_cases where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<LabourCase?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from labour_cases where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<LabourCase>> ListAsync(NpgsqlDataSource dataSource, string? status, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"select {Columns} from labour_cases where community_code like $1 and ($2::text is null or status = $2) order by opened_at desc limit 1000",
                scope.Area.LikePattern, status)
            .ReadAllAsync(Read, cancellationToken);

    private static LabourCase Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("grievance_id"), reader.Get<Guid>("person_id"), reader.Get<string>("community_code"),
            reader.Get<string>("kind"), reader.NullableString("employer_name"), reader.Get<string>("summary"), reader.Get<DateOnly>("occurred_on"),
            reader.Get<string>("status"), reader.NullableString("outcome"), reader.NullableString("note"), reader.Nullable<DateOnly>("resolved_on"));
}
