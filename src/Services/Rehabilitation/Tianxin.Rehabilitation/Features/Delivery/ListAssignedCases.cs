using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <param name="NextPageToken">Null on the last page.</param>
public sealed record AssignedCasesPage(List<Application> Cases, string? NextPageToken);

/// <summary>
/// The cases assigned to an institution, in service (approved) or completed, the latest decided first, a page at a
/// time: each page goes on from the last case of the one before (by decision day and id), however many there are.
/// </summary>
public sealed class ListAssignedCases(NpgsqlDataSource dataSource)
{
    public const int DefaultPageSize = 100, MaxPageSize = 500;
    private const string InvalidTitle = "查询条件有误 / The request has errors";

    public async Task<Outcome<AssignedCasesPage>> HandleAsync(string institution, string? status, int pageSize, string? pageToken,
        CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrEmpty(status) ? "approved" : status;
        if (wanted is not ("approved" or "completed"))
        {
            return Failure.Field("status", "状态为 approved 或 completed / approved or completed", InvalidTitle);
        }
        var size = pageSize == 0 ? DefaultPageSize : pageSize;
        if (size is < 1 or > MaxPageSize)
        {
            return Failure.Field("pageSize", $"每页1至{MaxPageSize}条 / 1 to {MaxPageSize} a page.", InvalidTitle);
        }
        (DateOnly On, Guid Id)? after = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            if (Decode(pageToken) is not { } position)
            {
                return Failure.Field("pageToken", "请使用上一页返回的 next_page_token / Use the previous page's next_page_token.", InvalidTitle);
            }
            after = position;
        }
        var cases = await dataSource.Command(
                $"""
                {Application.Select}
                where a.institution = $1 and a.status = $2 and ($3::date is null or (a.decided_on, a.id) < ($3, $4))
                order by a.decided_on desc, a.id desc limit $5
                """, institution, wanted, after?.On, after?.Id, size + 1)
            .ReadAllAsync(Application.Read, cancellationToken);
        if (cases.Count <= size)
        {
            return new AssignedCasesPage(cases, null);
        }
        cases.RemoveAt(size);
        return new AssignedCasesPage(cases, Encode(cases[^1].DecidedOn!.Value, cases[^1].Id));
    }

    private static string Encode(DateOnly on, Guid id) => PageTokens.Encode(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), id.ToString());

    private static (DateOnly, Guid)? Decode(string token) =>
        PageTokens.Decode(token, 2) is [var day, var assigned]
        && DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on) && Guid.TryParse(assigned, out var id)
            ? (on, id)
            : null;
}
