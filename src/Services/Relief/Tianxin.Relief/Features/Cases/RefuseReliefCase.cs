using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Relief;

namespace Tianxin.Relief.Features.Cases;

public sealed record RefusalRequest(string? Reason);

/// <summary>Refuses a submitted case with a reason; a referring service hears the outcome from the event.</summary>
public sealed class RefuseReliefCase(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<ReliefCase>> HandleAsync(Guid id, RefusalRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 200))
        {
            return Failure.Field("reason", "请说明不予救助的理由（不超过200字） / Give the reason, in at most 200 characters.");
        }
        var today = clock.TodayInChina();
        return await dataSource.StepAsync(transaction => ReliefCase.LockAsync(transaction, id, scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Status != "submitted")
            {
                return new Failure.Conflict("只能驳回待审批的救助申请 / Only a submitted case can be refused", null, "status");
            }
            var programme = (await ReliefProgramme.FindAsync(dataSource, found.ProgrammeId, cancellationToken))!;
            await transaction.Command(
                "update relief_cases set status = 'refused', refusal_reason = $2, decided_by = $3, decided_on = $4 where id = $1",
                id, request.Reason.Trim(), by, today).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new ReliefRefused(id, found.PersonId, programme.Code, programme.Year, request.Reason.Trim(),
                found.ReferredFrom, today, clock.GetUtcNow()), cancellationToken);
            return true;
        }, () => ReliefCase.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }
}
