using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Relief.Features.Cases;

/// <summary>Grievances that reveal hardship, on relief's own queue, once each.</summary>
public sealed class HardshipReferralConsumer(NpgsqlDataSource dataSource, ReferralIntake intake) : InboxConsumer<HardshipReferred>(dataSource)
{
    protected override Task HandleAsync(HardshipReferred message, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        intake.OpenAsync(transaction, message, cancellationToken);
}
