using System.Diagnostics;
using Npgsql;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>
/// Counts the district's stale figures between drafts, so that a draft seldom waits for them: a payment marks its
/// measure stale, and within a tick it is counted again. A tick that finds nothing stale does nothing else.
/// </summary>
public sealed class DistrictFiguresRefresh(NpgsqlDataSource dataSource, ILogger<DistrictFiguresRefresh> logger) : PeriodicJob(logger)
{
    private static readonly ActivitySource Source = new("Tianxin.Reporting");

    protected override TimeSpan Interval => TimeSpan.FromSeconds(15);

    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        // Only a tick that finds something stale is traced: this query runs outside any activity. The count is a trace of
        // its own, linked to the traces of the events that marked what it counts (a span holds at most 128 links).
        var causes = await dataSource.Command("select distinct trace_parent from report_figures_stale limit 128")
            .ReadAllAsync(r => r.NullableString("trace_parent"), cancellationToken);
        if (causes.Count == 0)
        {
            return 0;
        }
        var links = causes.Select(cause => ActivityContext.TryParse(cause, null, out var context) ? new ActivityLink(context) : (ActivityLink?)null)
            .OfType<ActivityLink>().ToList();
        using var activity = Source.StartActivity("count the district's stale figures", ActivityKind.Internal, parentContext: default, links: links);
        return await DistrictFigures.RefreshAllAsync(dataSource, cancellationToken);
    }
}
