using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Features.Enrolments;

/// <param name="Page">From 1.</param>
/// <param name="PageSize">1 to 500 (default 100).</param>
public sealed record EnrolmentQuery(string? Status, string? Subsidy, Guid? PersonId, int? Page, int? PageSize);

public sealed record EnrolmentPage(IReadOnlyList<Enrolment> Items, long Total, int Page, int PageSize);

/// <summary>The worklist: enrolments of the caller's area by status and subsidy, oldest proposal first, a page at a time.</summary>
public sealed class ListEnrolments(NpgsqlDataSource dataSource)
{
    private static readonly string[] Statuses = ["proposed", "accepted", "reviewed", "approved", "refused", "ended", "lapsed"];

    public async Task<Outcome<EnrolmentPage>> HandleAsync(EnrolmentQuery query, AreaScope scope, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Status is { } status && !Statuses.Contains(status))
        {
            errors["status"] = [$"状态为 {string.Join("、", Statuses)} / Unknown status."];
        }
        if (query.Subsidy is { } subsidy && !TwoSubsidies.All.Contains(subsidy))
        {
            errors["subsidy"] = [$"补贴为 {string.Join("、", TwoSubsidies.All)} / Unknown subsidy."];
        }
        if (query.Page is < 1 or > 100_000)
        {
            errors["page"] = ["页码从1开始 / Pages start at 1."];
        }
        if (query.PageSize is < 1 or > 500)
        {
            errors["pageSize"] = ["每页1至500条 / 1 to 500 a page."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors);
        }
        var (page, pageSize) = (query.Page ?? 1, query.PageSize ?? 100);
        const string Where =
            """
            where community_code like $1 and ($2::text is null or status = $2) and ($3::text is null or subsidy = $3)
              and ($4::uuid is null or person_id = $4)
            """;
        object?[] values = [scope.Area.LikePattern, query.Status, query.Subsidy, query.PersonId];
        var items = await dataSource.Command($"select {Enrolment.Columns} from enrolments {Where} order by proposed_at, id limit $5 offset $6",
                [.. values, pageSize, (page - 1) * pageSize])
            .ReadAllAsync(Enrolment.Read, cancellationToken);
        var total = await dataSource.Command($"select count(*) from enrolments {Where}", values).ScalarAsync<long>(cancellationToken);
        return new EnrolmentPage(items, total, page, pageSize);
    }
}
