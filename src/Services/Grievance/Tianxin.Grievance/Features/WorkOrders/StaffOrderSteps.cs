using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.WorkOrders;

public sealed record OrderReasonRequest(string? Reason);

public sealed record OrderExtensionRequest(int? WorkingDays, string? Reason);

public sealed record OrderReplyRequest(string? Reply);

/// <summary>What the street does with an order: 签收, 退单 (before signing only), 延期 asked of the hotline once, 回复, 办结.</summary>
public sealed class StaffOrderSteps(WorkOrderSteps steps, Outbox outbox, TimeProvider clock)
{
    private const string Title = "工单操作有误 / The work-order step has errors";

    public Task<Outcome<WorkOrder>> SignAsync(Guid caseId, Actor actor, CancellationToken cancellationToken) =>
        steps.ByStaffAsync(caseId, actor.Scope, "signed", actor.Name, (_, order, _) =>
        {
            if (order.State != "received")
            {
                return Task.FromResult<Outcome<OrderChange>>(WorkOrderSteps.WrongState(order.State, "received"));
            }
            return Task.FromResult<Outcome<OrderChange>>(new OrderChange("handling", "signed_on = $3, signed_by = $4", [clock.TodayInChina(), actor.Name]));
        }, cancellationToken);

    public Task<Outcome<WorkOrder>> ReturnAsync(Guid caseId, OrderReasonRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 500))
        {
            return Task.FromResult<Outcome<WorkOrder>>(Failure.Field("reason", "退单须说明理由 / Say why the order is not ours.", Title));
        }
        return steps.ByStaffAsync(caseId, actor.Scope, "returned", actor.Name, (_, order, _) => Task.FromResult<Outcome<OrderChange>>(
            order.State == "received"
                ? new OrderChange("returned", "returns = returns + 1, return_reason = $3", [request.Reason.Trim()], request.Reason.Trim())
                : new Failure.Conflict("已签收的工单不能退单 / A signed order cannot be returned", null, "signed")), cancellationToken);
    }

    public Task<Outcome<WorkOrder>> RequestExtensionAsync(Guid caseId, OrderExtensionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.WorkingDays is not > 0)
        {
            errors["workingDays"] = ["延期工作日数为正整数 / A positive number of working days."];
        }
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 500))
        {
            errors["reason"] = ["请说明延期理由 / Give the reason for the extension."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<WorkOrder>>(Failure.Fields(errors, Title));
        }
        return steps.ByStaffAsync(caseId, actor.Scope, "extension_requested", actor.Name, (_, order, rules) =>
        {
            Outcome<OrderChange> change = order switch
            {
                { State: not "handling" } => WorkOrderSteps.WrongState(order.State, "handling"),
                { ExtensionState: not null } => new Failure.Conflict("工单只能申请一次延期 / An order is extended once only", null, "extended_once"),
                _ when request.WorkingDays > rules.WorkOrderExtensionMax => Failure.Field("workingDays",
                    $"延期不超过{rules.WorkOrderExtensionMax}个工作日 / At most {rules.WorkOrderExtensionMax} working days.", Title),
                _ => new OrderChange("handling", "extension_days = $3, extension_reason = $4, extension_state = 'requested'",
                    [request.WorkingDays!.Value, request.Reason!.Trim()], request.Reason.Trim()),
            };
            return Task.FromResult(change);
        }, cancellationToken);
    }

    public Task<Outcome<WorkOrder>> ReplyAsync(Guid caseId, OrderReplyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reply) || !PlainText.IsValid(request.Reply.Trim(), 4000))
        {
            return Task.FromResult<Outcome<WorkOrder>>(Failure.Field("reply", "请填写回复内容（不超过4000字） / Write the reply, at most 4,000 characters.", Title));
        }
        var today = clock.TodayInChina();
        return steps.ByStaffAsync(caseId, actor.Scope, "replied", actor.Name, async (transaction, order, _) =>
        {
            if (order.State != "handling")
            {
                return order.State == "received"
                    ? new Failure.Conflict("请先签收工单 / Sign for the order before replying", null, "not_signed")
                    : WorkOrderSteps.WrongState(order.State, "handling");
            }
            var onTime = today <= order.HandleDue;
            await transaction.Command("update grievance_cases set replied_on = $2, reply = $3, replied_on_time = $4 where id = $1",
                caseId, today, request.Reply.Trim(), onTime).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new GrievanceReplied(caseId, "work_order", today, onTime, clock.GetUtcNow()), cancellationToken);
            return new OrderChange("replied", "replied_on = $3", [today]);
        }, cancellationToken);
    }

    public Task<Outcome<WorkOrder>> CloseAsync(Guid caseId, Actor actor, CancellationToken cancellationToken) =>
        steps.ByStaffAsync(caseId, actor.Scope, "closed", actor.Name, (transaction, order, _) => OrderClosure.CloseAsync(transaction, order, outbox, clock,
            cancellationToken), cancellationToken);
}
