using Grpc.Core;
using Npgsql;

namespace Tianxin.Reporting.Features.Reconciliation;

/// <param name="Figure">people or money.</param>
public sealed record Difference(string Service, string Programme, int Year, string Figure, decimal Report, decimal Ledger);

/// <param name="Unreachable">Services whose ledger did not answer: their programmes are not reconciled this time.</param>
public sealed record ReconciliationView(int Year, int Programmes, IReadOnlyList<Difference> Differences, IReadOnlyList<string> Unreachable)
{
    public bool Reconciled => Differences.Count == 0 && Unreachable.Count == 0;
}

/// <summary>
/// For each programme and year, the report's people and money against the paying service's ledger: every
/// difference is listed with both numbers. A programme only one side knows is a difference too.
/// </summary>
public sealed class Reconcile(NpgsqlDataSource dataSource, ServiceLedgers ledgers, ILogger<Reconcile> logger)
{
    public async Task<ReconciliationView> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var report = await ReportLedgerSums.FindAsync(dataSource, year, cancellationToken);
        var differences = new List<Difference>();
        var unreachable = new List<string>();
        var programmes = 0;
        foreach (var service in ReportLedgerSums.Services)
        {
            IReadOnlyList<LedgerSum> ledger;
            try
            {
                ledger = await ledgers.OfAsync(service, year, cancellationToken);
            }
            catch (RpcException exception)
            {
                logger.LogWarning("The ledger of {Service} did not answer the reconciliation: {Status}", service, exception.StatusCode);
                unreachable.Add(service);
                continue;
            }
            var ours = report.Where(r => r.Service == service).ToDictionary(r => r.Programme);
            foreach (var code in ours.Keys.Union(ledger.Select(l => l.Programme)).Order(StringComparer.Ordinal))
            {
                programmes++;
                var counted = ours.GetValueOrDefault(code);
                var theirs = ledger.FirstOrDefault(l => l.Programme == code);
                var (payees, money) = counted?.Settles == true ? (theirs?.SettledPayees ?? 0, theirs?.Settled ?? 0m) : (theirs?.Payees ?? 0, theirs?.Recorded ?? 0m);
                if ((counted?.People ?? 0) != payees)
                {
                    differences.Add(new Difference(service, code, year, "people", counted?.People ?? 0, payees));
                }
                if ((counted?.Amount ?? 0m) != money)
                {
                    differences.Add(new Difference(service, code, year, "money", counted?.Amount ?? 0m, money));
                }
            }
        }
        return new ReconciliationView(year, programmes, differences, unreachable);
    }
}
