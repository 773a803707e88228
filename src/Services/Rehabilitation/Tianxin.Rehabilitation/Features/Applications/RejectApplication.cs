using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Rehabilitation;

namespace Tianxin.Rehabilitation.Features.Applications;

public sealed record RejectApplicationRequest(string? Reason);

public sealed class RejectApplication(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<Application>> HandleAsync(Guid id, RejectApplicationRequest request, AreaScope scope, string decidedBy,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason, 200))
        {
            return Failure.Field("reason", "请填写驳回原因（不超过200字） / Give the reason.");
        }
        var reason = request.Reason.Trim();
        var today = clock.TodayInChina();
        var rejected = await dataSource.InTransactionAsync(async transaction =>
        {
            if (await ApproveApplication.LockAsync(transaction, id, cancellationToken) is not { } application || !scope.Covers(application.CommunityCode))
            {
                return Failure.Missing;
            }
            if (application.Status != "submitted")
            {
                return new Failure.Conflict("只能驳回待审批的申请 / Only a submitted application can be rejected", null, "status");
            }
            await transaction.Command(
                """
                update applications set status = 'rejected', reason = $2, decided_by = $3, decided_on = $4, version = version + 1
                where id = $1
                """, id, reason, decidedBy, today).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new ApplicationDecided(id, application.PersonId, application.ProgrammeCode, application.Year,
                "rejected", application.Amount, null, reason, today, clock.GetUtcNow()), cancellationToken);
            return (Outcome<Application>)application;
        }, cancellationToken);
        return rejected.Succeeded ? (await Application.FindAsync(dataSource, id, cancellationToken))! : rejected;
    }
}
