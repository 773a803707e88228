using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.WorkOrders;

/// <summary>A 12345 order with the case it is handled as.</summary>
/// <param name="State">received (待签收), handling (办理中), replied (已回复), closed (已办结) or returned (已退单).</param>
public sealed record WorkOrder(
    Guid CaseId, string OrderNo, string OrderType, string State, string CommunityCode, string AreaCode, string Subject, string Narrative,
    DateOnly ReceivedOn, DateOnly SignDue, DateOnly HandleDue, DateOnly? SignedOn, int Returns, string? ReturnReason, int Reassignments,
    int? ExtensionDays, string? ExtensionReason, string? ExtensionState, DateOnly? RepliedOn, string? Reply, DateOnly? ClosedOn, DateOnly? CalledBackOn,
    string? Satisfaction, bool? Resolved, bool Supervised, string? SupervisionReason, long FeedPosition)
{
    private const string Select =
        """
        select w.case_id, w.order_no, w.order_type, w.state, c.community_code, c.area_code, c.subject, c.narrative, w.received_on, w.sign_due,
               w.handle_due, w.signed_on, w.returns, w.return_reason, w.reassignments, w.extension_days, w.extension_reason, w.extension_state,
               w.replied_on, c.reply, w.closed_on, w.called_back_on, w.satisfaction, w.resolved, w.supervised, w.supervision_reason, w.feed_position
        from work_orders w join grievance_cases c on c.id = w.case_id
        """;

    public static Task<WorkOrder?> FindAsync(NpgsqlDataSource dataSource, Guid caseId, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where w.case_id = $1 and c.area_code like $2", caseId, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<WorkOrder?> FindByNumberAsync(NpgsqlDataSource dataSource, string orderNo, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where w.order_no = $1", orderNo).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<WorkOrder?> LockAsync(NpgsqlTransaction transaction, Guid caseId, AreaScope scope, CancellationToken cancellationToken) =>
        transaction.Command($"{Select} where w.case_id = $1 and c.area_code like $2 for update of w, c", caseId, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<WorkOrder?> LockByNumberAsync(NpgsqlTransaction transaction, string orderNo, CancellationToken cancellationToken) =>
        transaction.Command($"{Select} where w.order_no = $1 for update of w, c", orderNo).ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>The hotline's feed: orders changed after <paramref name="after"/>, in the order they changed.</summary>
    public static Task<List<WorkOrder>> ChangedAfterAsync(NpgsqlDataSource dataSource, long after, int limit, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where w.feed_position > $1 order by w.feed_position limit $2", after, Math.Clamp(limit, 1, 500))
            .ReadAllAsync(Read, cancellationToken);

    public static Task<List<WorkOrder>> ListAsync(NpgsqlDataSource dataSource, string? state, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where c.area_code like $1 and ($2::text is null or w.state = $2) order by w.received_on desc, w.order_no limit 500",
                scope.Area.LikePattern, state)
            .ReadAllAsync(Read, cancellationToken);

    private static WorkOrder Read(NpgsqlDataReader r) =>
        new(r.Get<Guid>("case_id"), r.Get<string>("order_no"), r.Get<string>("order_type"), r.Get<string>("state"), r.Get<string>("community_code"),
            r.Get<string>("area_code"), r.Get<string>("subject"), r.Get<string>("narrative"), r.Get<DateOnly>("received_on"), r.Get<DateOnly>("sign_due"),
            r.Get<DateOnly>("handle_due"), r.Nullable<DateOnly>("signed_on"), r.Get<int>("returns"), r.NullableString("return_reason"),
            r.Get<int>("reassignments"), r.Nullable<int>("extension_days"), r.NullableString("extension_reason"), r.NullableString("extension_state"),
            r.Nullable<DateOnly>("replied_on"), r.NullableString("reply"), r.Nullable<DateOnly>("closed_on"), r.Nullable<DateOnly>("called_back_on"),
            r.NullableString("satisfaction"), r.Nullable<bool>("resolved"), r.Get<bool>("supervised"), r.NullableString("supervision_reason"),
            r.Get<long>("feed_position"));
}
