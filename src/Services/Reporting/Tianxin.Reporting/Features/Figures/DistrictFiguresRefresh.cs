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
        var years = await dataSource.Command("select distinct year from report_figures_stale").ReadAllAsync(r => r.GetInt32(0), cancellationToken);
        foreach (var year in years)
        {
            using var activity = Source.StartActivity("count the district's stale figures");
            activity?.SetTag("tianxin.report.year", year);
            await DistrictFigures.RefreshAsync(dataSource, year, cancellationToken);
        }
        return years.Count;
    }
}
