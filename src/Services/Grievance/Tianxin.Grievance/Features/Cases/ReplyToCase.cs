using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.Cases;

public sealed record ReplyRequest(string? Reply, DateOnly? RepliedOn);

/// <summary>
/// 书面答复: the written reply to a petition or complaint being handled, or the answer to its review (复查/复核).
/// On time when given by the due date of the clock it answers.
/// </summary>
public sealed class ReplyToCase(CaseSteps steps, Outbox outbox, TimeProvider clock)
{
    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, ReplyRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var repliedOn = DateFields.Past(request.RepliedOn, "repliedOn", errors, clock.TodayInChina());
        if (string.IsNullOrWhiteSpace(request.Reply) || !PlainText.IsValid(request.Reply.Trim(), 4000))
        {
            errors["reply"] = ["请填写答复内容（不超过4000字） / Write the reply, at most 4,000 characters."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, ReceiveCase.InvalidTitle));
        }
        return steps.RunAsync(id, actor, "replied", async (transaction, found, _) =>
        {
            if (found.Stage is not ("handling" or "review"))
            {
                return CaseSteps.WrongStage(found.Stage, "handling / review");
            }
            var after = found.Stage == "review" ? found.ReviewRequestedOn!.Value : found.AcceptedOn ?? found.ReceivedOn;
            if (repliedOn < after)
            {
                return Failure.Field("repliedOn", "答复日期不能早于受理（或复查申请）日期 / A reply cannot precede the acceptance (or the review's request).",
                    ReceiveCase.InvalidTitle);
            }
            var onTime = repliedOn <= found.DueOn;
            if (found.Stage == "review")
            {
                await transaction.Command(
                    "update grievance_cases set stage = 'replied', review_answered_on = $2, review_answer = $3, due_on = null where id = $1",
                    id, repliedOn, request.Reply!.Trim()).ExecuteAsync(cancellationToken);
            }
            else
            {
                await transaction.Command(
                    "update grievance_cases set stage = 'replied', replied_on = $2, reply = $3, replied_on_time = $4, due_on = null where id = $1",
                    id, repliedOn, request.Reply!.Trim(), onTime).ExecuteAsync(cancellationToken);
            }
            await outbox.EnqueueAsync(transaction, new GrievanceReplied(id, found.Kind, repliedOn!.Value, onTime, clock.GetUtcNow()), cancellationToken);
            return (string?)null;
        }, cancellationToken);
    }
}
