using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Relief;
using Tianxin.Reporting.Features.Events;

namespace Tianxin.Reporting.Features.Reconciliation;

/// <param name="Settles">True when the bank's results reach the report (the two subsidies): compare with what the ledger has settled.</param>
public sealed record ReportLedgerSum(string Programme, bool Settles, long People, decimal Amount);

/// <summary>
/// What the report counts as paid by a service, per programme, from the events that stand for ledger payments:
/// a payment recorded (granted, paid by a programme, a visit's money, a home's works) or settled by the bank.
/// </summary>
public static class ReportLedgerSums
{
    private static readonly string[] Recorded =
        [.. new[] { typeof(EmploymentPaymentMade), typeof(ReliefGranted), typeof(CampaignVisitMade), typeof(HomeModificationCompleted), typeof(ContributionPaid) }.Select(ReportedEvents.NameOf)];

    private static readonly string Settled = ReportedEvents.NameOf(typeof(PaymentSettled));

    public static Task<List<ReportLedgerSum>> FindAsync(NpgsqlDataSource dataSource, string service, int year, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select f.programme, bool_or(e.event_type = $3), count(distinct f.person_id), sum(f.amount)
                from report_facts f join reported_events e on e.message_id = f.message_id
                where f.year = $1 and e.source = $4 and (e.event_type = any($2) or (e.event_type = $3 and f.measure = 'paid'))
                group by f.programme
                """, year, Recorded, Settled, service)
            .ReadAllAsync(r => new ReportLedgerSum(r.GetString(0), r.GetBoolean(1), r.GetInt64(2), r.GetDecimal(3)), cancellationToken);

    /// <summary>The services whose ledgers the report's payments come from.</summary>
    public static IReadOnlyList<string> PayingServices { get; } = ["employment", "relief"];
}
