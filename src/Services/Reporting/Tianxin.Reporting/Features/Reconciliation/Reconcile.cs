using Grpc.Core;

namespace Tianxin.Reporting.Features.Reconciliation;

/// <param name="Figure">people or money of a paying service's programme; measure.figure (approved.amount, received.count…) of rehabilitation's and grievance's.</param>
/// <param name="Ledger">The service's own figure: its payment ledger's, for a paying service.</param>
public sealed record Difference(string Service, string Programme, int Year, string Figure, decimal Report, decimal Ledger);

/// <param name="Unreachable">Services that did not answer: their programmes are not reconciled this time.</param>
public sealed record ReconciliationView(int Year, int Programmes, IReadOnlyList<Difference> Differences, IReadOnlyList<string> Unreachable)
{
    public bool Reconciled => Differences.Count == 0 && Unreachable.Count == 0;
}

/// <summary>
/// For each programme and year, the report's figures against the owning service's own: every difference is listed
/// with both numbers. A programme only one side knows is a difference too.
/// </summary>
public sealed class Reconcile(IEnumerable<IReconciledService> services, ILogger<Reconcile> logger)
{
    public async Task<ReconciliationView> HandleAsync(int year, CancellationToken cancellationToken)
    {
        var differences = new List<Difference>();
        var unreachable = new List<string>();
        var programmes = 0;
        foreach (var service in services)
        {
            Tallies tallies;
            try
            {
                tallies = await service.TallyAsync(year, cancellationToken);
            }
            catch (RpcException exception)
            {
                logger.LogWarning("{Service} did not answer the reconciliation: {Status}", service.Service, exception.StatusCode);
                unreachable.Add(service.Service);
                continue;
            }
            programmes += tallies.Programmes;
            differences.AddRange(Tally.Differences(service.Service, year, tallies.Report, tallies.Service));
        }
        return new ReconciliationView(year, programmes, differences, unreachable);
    }
}
