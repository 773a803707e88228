namespace Tianxin.Reporting.Features.Reconciliation;

/// <summary>One figure of one programme (its people, its money, devices fitted…) as one side counts it.</summary>
public sealed record Tally(string Programme, string Figure, decimal Value)
{
    /// <summary>Every figure the two sides count differently; a figure only one side has is 0 on the other.</summary>
    public static IEnumerable<Difference> Differences(string service, int year, IEnumerable<Tally> report, IEnumerable<Tally> theirs)
    {
        var ours = report.ToDictionary(t => (t.Programme, t.Figure), t => t.Value);
        var counted = theirs.ToDictionary(t => (t.Programme, t.Figure), t => t.Value);
        return ours.Keys.Union(counted.Keys)
            .Where(key => ours.GetValueOrDefault(key) != counted.GetValueOrDefault(key))
            .OrderBy(key => key.Programme, StringComparer.Ordinal).ThenBy(key => key.Figure, StringComparer.Ordinal)
            .Select(key => new Difference(service, key.Programme, year, key.Figure, ours.GetValueOrDefault(key), counted.GetValueOrDefault(key)));
    }
}

/// <summary>The report's tallies of a service's programmes for a year, and the service's own.</summary>
public sealed record Tallies(IReadOnlyList<Tally> Report, IReadOnlyList<Tally> Service)
{
    public int Programmes => Report.Concat(Service).Select(t => t.Programme).Distinct().Count();
}

/// <summary>A service whose own figures the report is reconciled against.</summary>
public interface IReconciledService
{
    string Service { get; }

    /// <exception cref="Grpc.Core.RpcException">The service did not answer.</exception>
    Task<Tallies> TallyAsync(int year, CancellationToken cancellationToken);
}
