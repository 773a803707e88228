using Npgsql;

namespace Tianxin.Reporting.Features.Reconciliation;

/// <summary>
/// A paying service: the report's people and money per programme against the service's payment ledger. For the two
/// subsidies, whose bank results reach the report, what the ledger has settled; for the rest, what it recorded.
/// </summary>
public sealed class LedgerReconciliation(string service, NpgsqlDataSource dataSource, ServiceFigures figures) : IReconciledService
{
    public string Service => service;

    public async Task<Tallies> TallyAsync(int year, CancellationToken cancellationToken)
    {
        var ledger = await figures.LedgerOfAsync(service, year, cancellationToken);
        var report = await ReportLedgerSums.FindAsync(dataSource, service, year, cancellationToken);
        var settles = report.Where(r => r.Settles).Select(r => r.Programme).ToHashSet();
        return new Tallies(
            [.. report.SelectMany(r => PeopleAndMoney(r.Programme, r.People, r.Amount))],
            [.. ledger.SelectMany(l => settles.Contains(l.Programme)
                ? PeopleAndMoney(l.Programme, l.SettledPayees, l.Settled)
                : PeopleAndMoney(l.Programme, l.Payees, l.Recorded))]);
    }

    private static Tally[] PeopleAndMoney(string programme, long people, decimal money) =>
        [new(programme, "people", people), new(programme, "money", money)];
}
