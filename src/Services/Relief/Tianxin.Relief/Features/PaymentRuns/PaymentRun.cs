using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <summary>A month's payment run (发放批次) of one subsidy for an area, with its control totals and progress.</summary>
/// <param name="State">computing, draft, submitted, approved, exported, closed or cancelled.</param>
/// <param name="Entitlements">Enrolments the computation goes through; <paramref name="Computed"/> of them are done (progress).</param>
/// <param name="LineCount">Lines to pay (failed ones excluded) and their <paramref name="Total"/>: the control totals.</param>
public sealed record PaymentRun(
    Guid Id, string Subsidy, DateOnly Month, string AreaCode, string State, DateTimeOffset CutOff, int Entitlements, int Computed,
    int LineCount, decimal Total, int PaidCount, decimal PaidTotal, int FailedCount, decimal FailedTotal, string CreatedBy,
    string? ApprovedBy, DateTimeOffset? ExportedAt, DateTimeOffset? ClosedAt, int Version)
{
    private const string Columns =
        """
        id, subsidy, month, area_code, state, cut_off, entitlements, computed, line_count, total, paid_count, paid_total,
        failed_count, failed_total, created_by, approved_by, exported_at, closed_at, version
        """;

    public string Period => Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static Task<PaymentRun?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from payment_runs where id = $1 and area_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<PaymentRun?> LockAsync(NpgsqlTransaction transaction, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from payment_runs where id = $1 and area_code like $2 for update", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<PaymentRun>> ListAsync(NpgsqlDataSource dataSource, string? subsidy, int? year, AreaScope scope,
        CancellationToken cancellationToken) =>
        dataSource.Command(
                $"""
                select {Columns} from payment_runs
                where area_code like $1 and ($2::text is null or subsidy = $2) and ($3::int is null or extract(year from month) = $3)
                order by month desc, subsidy limit 500
                """, scope.Area.LikePattern, subsidy, year)
            .ReadAllAsync(Read, cancellationToken);

    private static PaymentRun Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("subsidy"), reader.Get<DateOnly>("month"), reader.Get<string>("area_code"),
            reader.Get<string>("state"), reader.Get<DateTimeOffset>("cut_off"), reader.Get<int>("entitlements"), reader.Get<int>("computed"),
            reader.Get<int>("line_count"), reader.Get<decimal>("total"), reader.Get<int>("paid_count"), reader.Get<decimal>("paid_total"),
            reader.Get<int>("failed_count"), reader.Get<decimal>("failed_total"), reader.Get<string>("created_by"),
            reader.NullableString("approved_by"), reader.Nullable<DateTimeOffset>("exported_at"), reader.Nullable<DateTimeOffset>("closed_at"),
            reader.Get<int>("version"));
}
