using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.Cases;

/// <param name="To">city or province.</param>
public sealed record EscalationBeyondRequest(string? To, DateOnly? On);

/// <summary>越级上访: the petitioner took the matter above the district; counted against the goal of none.</summary>
public sealed class RecordEscalationBeyond(CaseSteps steps, Outbox outbox, TimeProvider clock)
{
    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, EscalationBeyondRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var on = DateFields.Past(request.On, "on", errors, clock.TodayInChina());
        if (request.To is not ("city" or "province"))
        {
            errors["to"] = ["为 city（市）或 province（省） / city or province."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, ReceiveCase.InvalidTitle));
        }
        return steps.RunAsync(id, actor, "escalated_beyond_district", async (transaction, found, _) =>
        {
            if (found.EscalatedTo is not null)
            {
                return new Failure.Duplicate("已登记越级上访 / The escalation is recorded already");
            }
            await transaction.Command("update grievance_cases set escalated_to = $2, escalated_on = $3 where id = $1", id, request.To, on)
                .ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new GrievanceEscalatedBeyondDistrict(id, request.To!, on!.Value, clock.GetUtcNow()), cancellationToken);
            return request.To;
        }, cancellationToken);
    }
}
