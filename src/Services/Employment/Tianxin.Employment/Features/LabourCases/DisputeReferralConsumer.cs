using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Employment.Features.LabourCases;

/// <summary>Grievances about work, on employment's own queue, once each.</summary>
public sealed class DisputeReferralConsumer(NpgsqlDataSource dataSource) : InboxConsumer<EmploymentDisputeReferred>(dataSource)
{
    protected override Task HandleAsync(EmploymentDisputeReferred message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        LabourCaseIntake.OpenAsync(transaction, message, cancellationToken);
}
