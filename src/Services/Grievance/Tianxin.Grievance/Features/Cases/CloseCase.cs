using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.Cases;

public sealed record ClosureRequest(DateOnly? ClosedOn);

/// <summary>办结: only a replied case closes; on time when its reply was.</summary>
public sealed class CloseCase(CaseSteps steps, Outbox outbox, TimeProvider clock)
{
    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, ClosureRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var closedOn = DateFields.Past(request.ClosedOn, "closedOn", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, ReceiveCase.InvalidTitle));
        }
        return steps.RunAsync(id, actor, "closed", async (transaction, found, _) =>
        {
            if (found.Stage != "replied")
            {
                return new Failure.Conflict("尚未答复，不能办结 / A case closes only after its reply", null, "not_replied");
            }
            if (closedOn < found.LastAnsweredOn)
            {
                return Failure.Field("closedOn", "办结日期不能早于答复日期 / Closure cannot precede the reply.", ReceiveCase.InvalidTitle);
            }
            var onTime = found.RepliedOnTime ?? false;
            await transaction.Command("update grievance_cases set stage = 'closed', closed_on = $2, closed_on_time = $3 where id = $1", id, closedOn, onTime)
                .ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new GrievanceClosed(id, found.Kind, found.Subject, found.CommunityCode, closedOn!.Value, onTime,
                clock.GetUtcNow()), cancellationToken);
            return (string?)null;
        }, cancellationToken);
    }
}
