using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Relief;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>A step's answer: go on, or refuse with a reason (the enrolment then ends at that step).</summary>
public sealed record StepRequest(bool? Approved, string? Reason);

/// <summary>
/// The three steps share their mechanics: the enrolment is locked, must be at the step's starting status,
/// moves on or is refused with a reason, and every refusal (and the final approval) is an event.
/// </summary>
public sealed class EnrolmentSteps(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public const string InvalidTitle = "审核信息有误 / The step has errors";

    /// <summary>A reason is required when refusing.</summary>
    public static Dictionary<string, string[]> Validate(StepRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Approved is null)
        {
            errors["approved"] = ["请选择通过（true）或不通过（false） / Say whether the step passes (true) or not (false)."];
        }
        if (request.Approved is false && (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 200)))
        {
            errors["reason"] = ["不通过须说明理由（不超过200字） / A refusal needs a reason of at most 200 characters."];
        }
        return errors;
    }

    /// <param name="onward">The columns a passing step sets beside the status ($4 onwards), with their values.</param>
    public async Task<Outcome<Enrolment>> MoveAsync(Guid id, AreaScope scope, string step, string from, string to, StepRequest request, string by,
        string byColumn, (string Set, object?[] Values) onward, CancellationToken cancellationToken)
    {
        return await dataSource.StepAsync(transaction => Enrolment.LockAsync(transaction, id, scope, cancellationToken), async (transaction, enrolment) =>
        {
            if (enrolment.Status != from)
            {
                return new Failure.Conflict($"此申请当前状态为 {enrolment.Status}，不在此环节 / The enrolment is {enrolment.Status}, not at this step",
                    $"The step {step} needs status {from}.", "status");
            }
            if (request.Approved is false)
            {
                await transaction.Command(
                    $"""
                    update enrolments set status = 'refused', refused_at_step = $2, refusal_reason = $3, {byColumn} = $4, version = version + 1
                    where id = $1
                    """, id, step, request.Reason!.Trim(), by).ExecuteAsync(cancellationToken);
                await outbox.EnqueueAsync(transaction, new EnrolmentDecided(id, enrolment.PersonId, enrolment.Subsidy, "refused", step,
                    request.Reason.Trim(), null, clock.GetUtcNow()), cancellationToken);
            }
            else
            {
                var set = onward.Set.Length > 0 ? ", " + onward.Set : "";
                await transaction.Command(
                    $"update enrolments set status = $2, {byColumn} = $3, version = version + 1{set} where id = $1",
                    [id, to, by, .. onward.Values]).ExecuteAsync(cancellationToken);
                if (to == "approved")
                {
                    await outbox.EnqueueAsync(transaction, new EnrolmentDecided(id, enrolment.PersonId, enrolment.Subsidy, "approved", step, null,
                        enrolment.StartsMonth, clock.GetUtcNow()), cancellationToken);
                }
            }
            return true;
        }, () => Enrolment.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }
}
