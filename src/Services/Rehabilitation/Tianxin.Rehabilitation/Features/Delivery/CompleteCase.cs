using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <param name="Spent">What the case cost, at most the approved amount; the approved amount when not given.</param>
public sealed record CompleteCaseRequest(Guid CaseId, DateOnly? CompletedOn, string? Outcome, decimal? Spent);

/// <summary>Completion spends at most the approved amount; what is not spent returns to the programme's budget line.</summary>
public sealed class CompleteCase(CasesInService cases, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<Application>> HandleAsync(string institution, CompleteCaseRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var completedOn = DateFields.Past(request.CompletedOn, "completedOn", errors, clock.TodayInChina());
        if (string.IsNullOrWhiteSpace(request.Outcome) || !PlainText.IsValid(request.Outcome, 500))
        {
            errors["outcome"] = ["请填写康复结果（不超过500字） / Give the outcome."];
        }
        var spent = request.Spent is null ? null : Yuan.Check(request.Spent, "spent", errors);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, CasesInService.InvalidTitle);
        }
        var outcome = request.Outcome!.Trim();
        return await cases.RecordAsync(institution, request.CaseId, completedOn!.Value, async (application, transaction) =>
        {
            var granted = Yuan.Of(application.Amount);
            var paid = spent ?? granted;
            if (paid > granted)
            {
                return Failure.Field("spent", "实际费用不能超过批准金额 / More than the approved amount.", CasesInService.InvalidTitle);
            }
            await transaction.Command(
                """
                update applications set status = 'completed', completed_on = $2, outcome = $3, spent = $4, version = version + 1 where id = $1
                """, application.Id, completedOn, outcome, paid.Amount).ExecuteAsync(cancellationToken);
            var settled = await BudgetLines.SettleAsync(transaction, application.ProgrammeId, granted, paid, cancellationToken);
            if (!settled.Succeeded)
            {
                return settled.Failure!;
            }
            await outbox.EnqueueAsync(transaction, new ServiceCompleted(application.Id, application.PersonId, application.ProgrammeCode,
                application.Year, application.Sessions, paid.Amount, outcome, completedOn.Value, clock.GetUtcNow()), cancellationToken);
            return application;
        }, cancellationToken);
    }
}
