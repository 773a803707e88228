using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

/// <summary>
/// How every step of a petition or complaint runs: the case locked within the caller's area, refused when a
/// 12345 order (whose steps are the hotline's), the clock rules read in the same transaction, the trail
/// written, and the case read back as the step left it.
/// </summary>
public sealed class CaseSteps(NpgsqlDataSource dataSource)
{
    public Task<Outcome<GrievanceCase>> RunAsync(Guid id, Actor actor, string action,
        Func<NpgsqlTransaction, GrievanceCase, ClockRules, Task<Outcome<string?>>> step, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => GrievanceCase.LockAsync(transaction, id, actor.Scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Kind == "work_order")
            {
                return new Failure.Conflict("12345工单请按工单流程办理 / A 12345 order follows the work-order steps", null, "work_order");
            }
            var done = await step(transaction, found, await ClockRules.ReadAsync(transaction, cancellationToken));
            if (done.Failure is { } failure)
            {
                return failure;
            }
            await CaseRecords.StepAsync(transaction, id, action, null, null, null, done.Value, actor.Name, cancellationToken);
            return true;
        }, () => GrievanceCase.FindAsync(dataSource, id, AreaScope.District, cancellationToken), cancellationToken);

    public static Failure.Conflict WrongStage(string stage, string expected) =>
        new($"案件当前阶段为 {stage}，此操作需在 {expected} 阶段 / The case is at {stage}; this step needs {expected}", null, "stage");
}
