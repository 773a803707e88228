using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.WorkOrders;

/// <summary>
/// 办结, by the street or by the hotline's call-back: only a replied order closes. On time when the reply met the
/// handling deadline: the call-back that closes it comes on the hotline's schedule, not the street's.
/// </summary>
public static class OrderClosure
{
    public static async Task<Outcome<OrderChange>> CloseAsync(NpgsqlTransaction transaction, WorkOrder order, Outbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (order.State != "replied")
        {
            return new Failure.Conflict("尚未回复，不能办结 / An order closes only after its reply", null, "not_replied");
        }
        var today = clock.TodayInChina();
        var onTime = order.RepliedOn <= order.HandleDue;
        await transaction.Command("update grievance_cases set closed_on = $2, closed_on_time = $3 where id = $1", order.CaseId, today, onTime)
            .ExecuteAsync(cancellationToken);
        await outbox.EnqueueAsync(transaction, new GrievanceClosed(order.CaseId, "work_order", order.Subject, order.CommunityCode, today, onTime,
            clock.GetUtcNow()), cancellationToken);
        return new OrderChange("closed", "closed_on = $3", [today]);
    }
}
