using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.Defects;

/// <param name="State">reported, confirmed, assigned, fixing, fixed or verified.</param>
/// <param name="DueOn">The rectification deadline, set when the defect is assigned to its department.</param>
public sealed record AccessibilityDefect(
    Guid Id, string Number, string Type, string Address, decimal Latitude, decimal Longitude, string Clause, string Description, string CommunityCode,
    string? Department, string State, DateOnly ReportedOn, DateOnly? ConfirmedOn, DateOnly? AssignedOn, DateOnly? DueOn, DateOnly? FixedOn,
    Guid? FixPhotoId, DateOnly? VerifiedOn)
{
    private const string Columns =
        """
        id, number, type, address, latitude, longitude, clause, description, community_code, department, state, reported_on, confirmed_on,
        assigned_on, due_on, fixed_on, fix_photo_id, verified_on
        """;

    public static Task<AccessibilityDefect?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from accessibility_defects where id = $1 and community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<AccessibilityDefect?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from accessibility_defects where id = $1 and community_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<AccessibilityDefect>> ListAsync(NpgsqlDataSource dataSource, string? department, string? state, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from accessibility_defects
                where community_code like $1 and ($2::text is null or department = $2) and ($3::text is null or state = $3)
                order by reported_on desc, number limit 1000
                """, scope.Area.LikePattern, department, state)
            .ReadAllAsync(Read, cancellationToken);

    /// <summary>整改清单: what a department still has to fix or have verified, overdue first, then by deadline.</summary>
    public static Task<List<AccessibilityDefect>> RectificationAsync(NpgsqlDataSource dataSource, string? department, DateOnly today, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from accessibility_defects
                where community_code like $1 and department is not null and ($2::text is null or department = $2) and state in ('assigned', 'fixing', 'fixed')
                order by (due_on < $3) desc, due_on, number
                """, scope.Area.LikePattern, department, today)
            .ReadAllAsync(Read, cancellationToken);

    private static AccessibilityDefect Read(NpgsqlDataReader r) =>
        new(r.Get<Guid>("id"), r.Get<string>("number"), r.Get<string>("type"), r.Get<string>("address"), r.Get<decimal>("latitude"),
            r.Get<decimal>("longitude"), r.Get<string>("clause"), r.Get<string>("description"), r.Get<string>("community_code"),
            r.NullableString("department"), r.Get<string>("state"), r.Get<DateOnly>("reported_on"), r.Nullable<DateOnly>("confirmed_on"),
            r.Nullable<DateOnly>("assigned_on"), r.Nullable<DateOnly>("due_on"), r.Nullable<DateOnly>("fixed_on"), r.Nullable<Guid>("fix_photo_id"),
            r.Nullable<DateOnly>("verified_on"));
}
