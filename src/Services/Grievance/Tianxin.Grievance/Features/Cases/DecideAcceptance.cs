using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

/// <param name="Reason">Why a petition is not accepted (不予受理), told to the petitioner in writing.</param>
public sealed record AcceptanceRequest(bool? Accepted, DateOnly? DecidedOn, string? Reason);

/// <summary>受理告知: a petition is accepted (its 60-day handling clock starts) or not, within 15 days of receipt.</summary>
public sealed class DecideAcceptance(CaseSteps steps, TimeProvider clock)
{
    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, AcceptanceRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var decidedOn = DateFields.Past(request.DecidedOn, "decidedOn", errors, clock.TodayInChina());
        if (request.Accepted is null)
        {
            errors["accepted"] = ["请选择受理或不予受理 / Say whether the petition is accepted."];
        }
        if (request.Accepted is false && (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 500)))
        {
            errors["reason"] = ["不予受理须说明理由 / Give the reason for not accepting."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, ReceiveCase.InvalidTitle));
        }
        return steps.RunAsync(id, actor, request.Accepted!.Value ? "accepted" : "not_accepted", async (transaction, found, rules) =>
        {
            if (found.Stage != "acceptance")
            {
                return CaseSteps.WrongStage(found.Stage, "acceptance");
            }
            if (decidedOn < found.ReceivedOn)
            {
                return Failure.Field("decidedOn", "受理日期不能早于收到日期 / Acceptance cannot precede receipt.", ReceiveCase.InvalidTitle);
            }
            var onTime = decidedOn <= found.DueOn;
            if (request.Accepted.Value)
            {
                await transaction.Command("update grievance_cases set stage = 'handling', accepted_on = $2, due_on = $3 where id = $1", id, decidedOn,
                    CaseClock.PetitionDue("handling", found.ReceivedOn, decidedOn, 0, null, rules)).ExecuteAsync(cancellationToken);
                return (string?)null;
            }
            await transaction.Command(
                "update grievance_cases set stage = 'not_accepted', closed_on = $2, closed_on_time = $3, due_on = null where id = $1",
                id, decidedOn, onTime).ExecuteAsync(cancellationToken);
            return request.Reason!.Trim();
        }, cancellationToken);
    }
}
