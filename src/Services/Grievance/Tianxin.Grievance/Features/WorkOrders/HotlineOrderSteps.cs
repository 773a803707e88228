using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Grievance;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.WorkOrders;

/// <summary>What the hotline decides on its orders: the extension asked, the call-back heard (回访, which closes a replied order), supervision (督办).</summary>
public sealed class HotlineOrderSteps(WorkOrderSteps steps, Outbox outbox, TimeProvider clock)
{
    public static readonly string[] Satisfactions = ["satisfied", "basically_satisfied", "dissatisfied"];

    public Task<Outcome<WorkOrder>> DecideExtensionAsync(string orderNo, bool approved, string hotline, CancellationToken cancellationToken) =>
        steps.ByHotlineAsync(orderNo, approved ? "extension_approved" : "extension_refused", hotline, (_, order, rules) =>
            Task.FromResult<Outcome<OrderChange>>(order.ExtensionState != "requested"
                ? new Failure.Conflict("该工单没有待审批的延期申请 / The order has no extension waiting", null, "no_extension_requested")
                : approved
                    ? new OrderChange(order.State, "extension_state = 'approved', handle_due = $3",
                        [rules.Calendar.AddWorkingDays(order.HandleDue, order.ExtensionDays!.Value)])
                    : new OrderChange(order.State, "extension_state = 'refused'", [])), cancellationToken);

    public Task<Outcome<WorkOrder>> RecordCallBackAsync(string orderNo, string satisfaction, bool resolved, string hotline,
        CancellationToken cancellationToken)
    {
        if (!Satisfactions.Contains(satisfaction))
        {
            return Task.FromResult<Outcome<WorkOrder>>(Failure.Field("satisfaction", "满意度为 satisfied、basically_satisfied 或 dissatisfied / One of satisfied, basically_satisfied, dissatisfied.",
                PushWorkOrder.InvalidTitle));
        }
        var today = clock.TodayInChina();
        return steps.ByHotlineAsync(orderNo, "called_back", hotline, async (transaction, order, _) =>
        {
            if (order.CalledBackOn is not null)
            {
                return new Failure.Duplicate("该工单已回访 / The order was called back already");
            }
            if (order.State == "replied")
            {
                var closed = await OrderClosure.CloseAsync(transaction, order, outbox, clock, cancellationToken);
                if (closed.Failure is { } failure)
                {
                    return failure;
                }
            }
            else if (order.State != "closed")
            {
                return new Failure.Conflict("尚未回复的工单不能回访 / An order is called back after its reply", null, "not_replied");
            }
            await outbox.EnqueueAsync(transaction, new WorkOrderCalledBack(order.CaseId, order.OrderNo, satisfaction, resolved, today, clock.GetUtcNow()),
                cancellationToken);
            return new OrderChange("closed", "called_back_on = $3, satisfaction = $4, resolved = $5, closed_on = coalesce(closed_on, $3)",
                [today, satisfaction, resolved], satisfaction);
        }, cancellationToken);
    }

    public Task<Outcome<WorkOrder>> SuperviseAsync(string orderNo, string reason, string hotline, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || !PlainText.IsValid(reason.Trim(), 500))
        {
            return Task.FromResult<Outcome<WorkOrder>>(Failure.Field("reason", "请说明督办事由 / Say why the order is supervised.", PushWorkOrder.InvalidTitle));
        }
        var today = clock.TodayInChina();
        return steps.ByHotlineAsync(orderNo, "supervised", hotline, (_, order, rules) =>
        {
            var breached = ClockStatus.Of(CaseClock.WorkOrderDue(order.State, order.SignDue, order.HandleDue), today, rules.AtRisk) == ClockStatus.Breached
                || order.RepliedOn > order.HandleDue;
            return Task.FromResult<Outcome<OrderChange>>(order.Returns >= rules.SupervisionReturns || breached
                ? new OrderChange(order.State, "supervised = true, supervision_reason = $3", [reason.Trim()], reason.Trim())
                : new Failure.Conflict($"督办用于退单{rules.SupervisionReturns}次及以上或超期的工单 / Supervision is for an order returned {rules.SupervisionReturns} times or past its deadline",
                    null, "not_due_for_supervision"));
        }, cancellationToken);
    }
}
