using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Contracts.Relief;

namespace Tianxin.Grievance.Features.Referrals;

/// <summary>Relief granted a case a grievance referred: the grievance shows the amount.</summary>
public sealed class ReliefGrantedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ReliefGranted>(dataSource)
{
    protected override Task HandleAsync(ReliefGranted message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ReferralOutcomes.GrievanceOf(message.ReferredFrom) is { } caseId
            ? ReferralOutcomes.RecordAsync(transaction, caseId, "relief", "granted", ReferralOutcomes.Granted(message.Amount, message.Method),
                message.GrantedOn, cancellationToken)
            : Task.CompletedTask;
}

/// <summary>Relief refused a case a grievance referred (or could not open one): the grievance shows why.</summary>
public sealed class ReliefRefusedConsumer(NpgsqlDataSource dataSource) : InboxConsumer<ReliefRefused>(dataSource)
{
    protected override Task HandleAsync(ReliefRefused message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ReferralOutcomes.GrievanceOf(message.ReferredFrom) is { } caseId
            ? ReferralOutcomes.RecordAsync(transaction, caseId, "relief", "refused", message.Reason, message.RefusedOn, cancellationToken)
            : Task.CompletedTask;
}
