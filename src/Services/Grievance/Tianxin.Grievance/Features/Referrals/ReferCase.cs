using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Grievance;
using Tianxin.Grievance.Features.Cases;

namespace Tianxin.Grievance.Features.Referrals;

/// <param name="Target">relief (hardship: 临时救助) or employment (a job dispute: 劳动维权).</param>
/// <param name="RequestedAmount">For relief: what the handler suggests; relief caps it at its programme's limit.</param>
/// <param name="DisputeKind">For employment: dismissal or unpaid_wages.</param>
public sealed record ReferralRequest(string? Target, string? Summary, decimal? RequestedAmount, string? DisputeKind, string? EmployerName);

/// <summary>
/// A grievance that reveals a need opens a case in the service that meets it: the referral is an event in the
/// outbox, written with the referral row, so it reaches the other service whenever that service runs again.
/// </summary>
public sealed class ReferCase(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    private const string Title = "转办信息有误 / The referral has errors";

    public Task<Outcome<GrievanceCase>> HandleAsync(Guid caseId, ReferralRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Target is not ("relief" or "employment"))
        {
            errors["target"] = ["转办对象为 relief（帮扶救助）或 employment（就业） / relief or employment."];
        }
        if (string.IsNullOrWhiteSpace(request.Summary) || !PlainText.IsValid(request.Summary.Trim(), 200))
        {
            errors["summary"] = ["请概述转办事由（不超过200字） / Summarise the need, at most 200 characters."];
        }
        if (request.Target == "relief" && request.RequestedAmount is { } amount && (amount <= 0 || decimal.Round(amount, 2) != amount))
        {
            errors["requestedAmount"] = ["建议金额为正数，精确到分 / A positive amount in yuan, to the fen."];
        }
        if (request.Target == "employment" && request.DisputeKind is not ("dismissal" or "unpaid_wages"))
        {
            errors["disputeKind"] = ["劳动纠纷类型为 dismissal（被辞退）或 unpaid_wages（拖欠工资） / dismissal or unpaid_wages."];
        }
        if (request.EmployerName is { } employer && !PlainText.IsValid(employer.Trim(), 100))
        {
            errors["employerName"] = ["单位名称不超过100字 / An employer's name of at most 100 characters."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, Title));
        }
        var today = clock.TodayInChina();
        return dataSource.StepAsync(transaction => GrievanceCase.LockAsync(transaction, caseId, actor.Scope, cancellationToken), async (transaction, found) =>
        {
            if (found.PersonId is not { } personId)
            {
                return new Failure.Conflict("转办需关联残疾人（人员编号） / A referral needs the complainant linked to a registered person", null, "no_person");
            }
            var added = await transaction.Command(
                "insert into referrals (id, case_id, target, summary, sent_by) values ($1, $2, $3, $4, $5) on conflict (case_id, target) do nothing",
                Guid.CreateVersion7(), caseId, request.Target, request.Summary!.Trim(), actor.Name).ExecuteAsync(cancellationToken);
            if (added == 0)
            {
                return new Failure.Duplicate("该案件已转办至此服务 / The case was referred there already");
            }
            if (request.Target == "relief")
            {
                await outbox.EnqueueAsync(transaction, new HardshipReferred(caseId, personId, request.Summary.Trim(), request.RequestedAmount, today,
                    clock.GetUtcNow()), cancellationToken);
            }
            else
            {
                await outbox.EnqueueAsync(transaction, new EmploymentDisputeReferred(caseId, personId, request.DisputeKind!, request.EmployerName?.Trim(),
                    request.Summary.Trim(), today, clock.GetUtcNow()), cancellationToken);
            }
            await CaseRecords.StepAsync(transaction, caseId, "referred", null, null, null, $"{request.Target}: {request.Summary.Trim()}", actor.Name,
                cancellationToken);
            return true;
        }, () => GrievanceCase.FindAsync(dataSource, caseId, AreaScope.District, cancellationToken), cancellationToken);
    }
}
