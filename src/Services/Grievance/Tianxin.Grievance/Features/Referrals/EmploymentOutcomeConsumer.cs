using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Contracts.Employment;

namespace Tianxin.Grievance.Features.Referrals;

/// <summary>Employment resolved the labour case a grievance referred: the grievance shows its outcome.</summary>
public sealed class EmploymentOutcomeConsumer(NpgsqlDataSource dataSource) : InboxConsumer<EmploymentDisputeResolved>(dataSource)
{
    protected override Task HandleAsync(EmploymentDisputeResolved message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ReferralOutcomes.RecordAsync(transaction, message.GrievanceId, "employment", message.Outcome, message.Note, message.ResolvedOn, cancellationToken);
}
