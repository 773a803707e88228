using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Applications;

/// <param name="Institution">The contracted institution (partner client id) that will deliver the service.</param>
public sealed record ApproveApplicationRequest(string? Institution);

/// <summary>
/// Approval takes the case's amount from the programme's budget line, which never overspends; when what is
/// left would not cover the registered-poor applicants still waiting, only they are approved.
/// </summary>
public sealed class ApproveApplication(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<Application>> HandleAsync(Guid id, ApproveApplicationRequest request, AreaScope scope, string decidedBy,
        CancellationToken cancellationToken)
    {
        if (await Application.FindAsync(dataSource, id, cancellationToken) is not { } found || !scope.Covers(found.CommunityCode))
        {
            return Failure.Missing;
        }
        var programme = (await Programme.FindAsync(dataSource, found.ProgrammeId, cancellationToken))!;
        if (request.Institution is not { } institution || !programme.Institutions.Contains(institution))
        {
            return Failure.Field("institution",
                $"应为本项目的合作机构：{string.Join("、", programme.Institutions)} / Not an institution contracted for this programme.");
        }
        var today = clock.TodayInChina();
        var approved = await dataSource.InTransactionAsync(async transaction =>
        {
            // The application first, so that two approvals of the same one cannot both take money.
            var application = (await LockAsync(transaction, id, cancellationToken))!;
            if (application.Status != "submitted")
            {
                return new Failure.Conflict("只能批准待审批的申请 / Only a submitted application can be approved", null, "status");
            }
            var committed = await BudgetLines.CommitAsync(transaction, programme.Id, Yuan.Of(application.Amount), application.RegisteredPoor,
                waiting => waiting.Command(
                        """
                        select coalesce(sum(amount), 0) from applications
                        where programme_id = $1 and status = 'submitted' and registered_poor
                        """, programme.Id).ScalarAsync<decimal>(cancellationToken),
                cancellationToken);
            if (!committed.Succeeded)
            {
                return committed.Failure!;
            }
            await transaction.Command(
                """
                update applications set status = 'approved', institution = $2, decided_by = $3, decided_on = $4, version = version + 1
                where id = $1
                """, id, institution, decidedBy, today).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new ApplicationDecided(id, application.PersonId, programme.Code, programme.Year, "approved",
                application.Amount, institution, null, today, clock.GetUtcNow()), cancellationToken);
            return (Outcome<Application>)application;
        }, cancellationToken);
        return approved.Succeeded ? (await Application.FindAsync(dataSource, id, cancellationToken))! : approved;
    }

    internal static async Task<Application?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        await transaction.Command("select id from applications where id = $1 for update", id).ExecuteAsync(cancellationToken);
        return await Application.FindAsync(transaction, id, cancellationToken);
    }
}
