using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.WorkOrders;

/// <summary>A step on an order's state that the next change writes: the new state, and the order's fields it sets.</summary>
public sealed record OrderChange(string State, string Sets, object?[] Values, string? Reason = null);

/// <summary>
/// How every step of a 12345 order runs: the order locked (by staff within their area, by the hotline by its
/// number), the step decided on it with the clock rules, the order and its case's stage and due date written
/// together, its place in the hotline's feed moved, and the step kept on the case's trail.
/// </summary>
public sealed class WorkOrderSteps(NpgsqlDataSource dataSource)
{
    public Task<Outcome<WorkOrder>> ByStaffAsync(Guid caseId, AreaScope scope, string action, string by,
        Func<NpgsqlTransaction, WorkOrder, ClockRules, Task<Outcome<OrderChange>>> step, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => WorkOrder.LockAsync(transaction, caseId, scope, cancellationToken),
            (transaction, order) => ApplyAsync(transaction, order, action, by, step, cancellationToken),
            () => WorkOrder.FindAsync(dataSource, caseId, AreaScope.District, cancellationToken), cancellationToken);

    public Task<Outcome<WorkOrder>> ByHotlineAsync(string orderNo, string action, string by,
        Func<NpgsqlTransaction, WorkOrder, ClockRules, Task<Outcome<OrderChange>>> step, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => WorkOrder.LockByNumberAsync(transaction, orderNo, cancellationToken),
            (transaction, order) => ApplyAsync(transaction, order, action, by, step, cancellationToken),
            () => WorkOrder.FindByNumberAsync(dataSource, orderNo, cancellationToken), cancellationToken);

    private static async Task<Outcome<bool>> ApplyAsync(NpgsqlTransaction transaction, WorkOrder order, string action, string by,
        Func<NpgsqlTransaction, WorkOrder, ClockRules, Task<Outcome<OrderChange>>> step, CancellationToken cancellationToken)
    {
        var decided = await step(transaction, order, await ClockRules.ReadAsync(transaction, cancellationToken));
        if (decided.Failure is { } failure)
        {
            return failure;
        }
        var change = decided.Value;
        var values = new List<object?> { order.CaseId, change.State };
        values.AddRange(change.Values);
        var sets = change.Sets.Length > 0 ? ", " + change.Sets : "";
        var deadlines = await transaction.Command(
                $"update work_orders set state = $2, feed_position = nextval('work_order_feed'), version = version + 1{sets} where case_id = $1 returning sign_due, handle_due",
                [.. values])
            .ReadAllAsync(r => (Sign: r.Get<DateOnly>("sign_due"), Handle: r.Get<DateOnly>("handle_due")), cancellationToken);
        var (signDue, handleDue) = deadlines.Single();
        await transaction.Command("update grievance_cases set stage = $2, due_on = $3 where id = $1", order.CaseId, StageOf(change.State),
            CaseClock.WorkOrderDue(change.State, signDue, handleDue)).ExecuteAsync(cancellationToken);
        await CaseRecords.StepAsync(transaction, order.CaseId, action, null, null, null, change.Reason, by, cancellationToken);
        return true;
    }

    public static string StageOf(string state) => state switch
    {
        "received" => "acceptance",
        "returned" => "not_accepted",
        var other => other,
    };

    public static Failure.Conflict WrongState(string state, string expected) =>
        new($"工单当前状态为 {state}，此操作需在 {expected} 状态 / The order is {state}; this step needs {expected}", null, "state");
}
