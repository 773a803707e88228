using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

public sealed record ReviewRequest(DateOnly? RequestedOn);

/// <summary>
/// 复查, then 复核: the petitioner asks within 30 days of the answer; the review is answered within 30 days, and
/// the re-review is final. A closed petition reopens for it.
/// </summary>
public sealed class RequestReview(CaseSteps steps, TimeProvider clock)
{
    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, ReviewRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var requestedOn = DateFields.Past(request.RequestedOn, "requestedOn", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, ReceiveCase.InvalidTitle));
        }
        return steps.RunAsync(id, actor, "review_requested", async (transaction, found, rules) =>
        {
            if (found.Kind != "petition" || found.Stage is not ("replied" or "closed") || found.LastAnsweredOn is not { } answeredOn)
            {
                return CaseSteps.WrongStage(found.Stage, "replied");
            }
            if (found.ReviewRound >= 2)
            {
                return new Failure.Conflict("复核意见为最终意见 / The re-review is final", null, "final");
            }
            if (requestedOn < answeredOn || requestedOn > CaseClock.ReviewWindowEnd(answeredOn, rules))
            {
                return new Failure.Conflict($"复查（复核）须在答复之日起{rules.ReviewRequest}日内申请 / A review is asked within {rules.ReviewRequest} days of the answer",
                    null, "review_window");
            }
            await transaction.Command(
                """
                update grievance_cases set stage = 'review', review_round = review_round + 1, review_requested_on = $2, review_answered_on = null,
                       closed_on = null, closed_on_time = null, due_on = $3
                where id = $1
                """, id, requestedOn, CaseClock.PetitionDue("review", found.ReceivedOn, null, 0, requestedOn, rules)).ExecuteAsync(cancellationToken);
            return found.ReviewRound == 0 ? "复查 / review" : "复核 / re-review";
        }, cancellationToken);
    }
}
