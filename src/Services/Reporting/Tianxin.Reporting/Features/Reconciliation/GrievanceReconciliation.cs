using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Reconciliation;

/// <summary>
/// Grievance: cases received per kind, petitions escalated beyond the district, work orders called back and satisfied,
/// defects fixed and legal aid given, against grievance's own records of them (measure.count). Replies and closures are
/// not reconciled: grievance keeps only the latest day of each, and a petition's review answers and closes it again.
/// </summary>
public sealed class GrievanceReconciliation(NpgsqlDataSource dataSource, ServiceFigures figures) : IReconciledService
{
    private static readonly string[] Measures = ["received", "escalated", "called_back", "satisfied", "fixed", "consultation", "action"];

    public string Service => "grievance";

    public async Task<Tallies> TallyAsync(int year, CancellationToken cancellationToken)
    {
        var theirs = await figures.GrievanceOfAsync(year, cancellationToken);
        var report = await dataSource.Command(
                """
                select f.programme, f.measure, count(*)
                from report_facts f join reported_events e on e.message_id = f.message_id
                where f.year = $1 and e.source = 'grievance' and f.measure = any($2)
                group by f.programme, f.measure
                """, year, Measures)
            .ReadAllAsync(r => new Tally(r.GetString(0), r.GetString(1) + ".count", r.GetInt64(2)), cancellationToken);
        return new Tallies(report, [.. theirs.Select(t => new Tally(t.Programme, t.Measure + ".count", t.Count))]);
    }
}
