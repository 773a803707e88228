using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Employment;

namespace Tianxin.Employment.Features.LabourCases;

/// <param name="Outcome">reinstated, wages_recovered, compensated, legal_aid or unresolved.</param>
public sealed record ResolutionRequest(string? Outcome, string? Note);

/// <summary>A labour case resolved once, with its outcome sent back to the grievance that referred it.</summary>
public sealed class ResolveLabourCase(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public static readonly string[] Outcomes = ["reinstated", "wages_recovered", "compensated", "legal_aid", "unresolved"];

    public Task<Outcome<LabourCase>> HandleAsync(Guid id, ResolutionRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Outcome is null || !Outcomes.Contains(request.Outcome))
        {
            errors["outcome"] = [$"结果为 {string.Join("、", Outcomes)} 之一 / One of {string.Join(", ", Outcomes)}."];
        }
        if (string.IsNullOrWhiteSpace(request.Note) || !PlainText.IsValid(request.Note.Trim(), 500))
        {
            errors["note"] = ["请填写处理情况（不超过500字） / Say what was done, at most 500 characters."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<LabourCase>>(Failure.Fields(errors, "维权结果有误 / The resolution has errors"));
        }
        var today = clock.TodayInChina();
        return dataSource.StepAsync(transaction => LabourCase.LockAsync(transaction, id, scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Status == "resolved")
            {
                return new Failure.Conflict("该案件已办结 / The case is already resolved", null, "status");
            }
            await transaction.Command(
                "update labour_cases set status = 'resolved', outcome = $2, note = $3, resolved_on = $4, resolved_by = $5 where id = $1",
                id, request.Outcome, request.Note!.Trim(), today, by).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new EmploymentDisputeResolved(id, found.GrievanceId, found.PersonId, request.Outcome!, request.Note.Trim(),
                today, clock.GetUtcNow()), cancellationToken);
            return true;
        }, () => LabourCase.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }
}
