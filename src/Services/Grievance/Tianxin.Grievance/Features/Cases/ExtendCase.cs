using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

/// <param name="ApprovedBy">Who approved the extension (经批准): the approval is the condition of it.</param>
public sealed record ExtensionRequest(int? Days, string? Reason, string? ApprovedBy);

/// <summary>延长办理: the handling clock extended once, by at most the rule's days (30), with the approved reason.</summary>
public sealed class ExtendCase(CaseSteps steps)
{
    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, ExtensionRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 500))
        {
            errors["reason"] = ["请说明延期理由 / Give the reason for the extension."];
        }
        if (string.IsNullOrWhiteSpace(request.ApprovedBy) || !PlainText.IsValid(request.ApprovedBy.Trim(), 50))
        {
            errors["approvedBy"] = ["请填写批准人 / Name who approved it."];
        }
        if (request.Days is not > 0)
        {
            errors["days"] = ["延期天数为正整数 / A positive number of days."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, ReceiveCase.InvalidTitle));
        }
        return steps.RunAsync(id, actor, "extended", async (transaction, found, rules) =>
        {
            if (found.Stage != "handling")
            {
                return CaseSteps.WrongStage(found.Stage, "handling");
            }
            if (found.ExtensionDays > 0)
            {
                return new Failure.Conflict("办理期限只能延长一次 / The handling period is extended once only", null, "extended_once");
            }
            if (request.Days > rules.PetitionExtensionMax)
            {
                return Failure.Field("days", $"延长不得超过{rules.PetitionExtensionMax}日 / At most {rules.PetitionExtensionMax} days.", ReceiveCase.InvalidTitle);
            }
            await transaction.Command(
                "update grievance_cases set extension_days = $2, extension_reason = $3, extension_approved_by = $4, due_on = $5 where id = $1",
                id, request.Days!.Value, request.Reason!.Trim(), request.ApprovedBy!.Trim(),
                CaseClock.PetitionDue("handling", found.ReceivedOn, found.AcceptedOn, request.Days.Value, null, rules)).ExecuteAsync(cancellationToken);
            return $"{request.Days} 日：{request.Reason.Trim()}（{request.ApprovedBy.Trim()} 批准）";
        }, cancellationToken);
    }
}
