using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Reconciliation;

/// <summary>
/// Rehabilitation: per programme, the report's cases approved (people, money), devices fitted (people, items, cost),
/// screenings (held, people screened), operations and needs assessed, against rehabilitation's own programme figures.
/// Figures are named measure.figure, as the report's lines name them.
/// </summary>
public sealed class RehabilitationReconciliation(NpgsqlDataSource dataSource, ServiceFigures figures) : IReconciledService
{
    public string Service => "rehabilitation";

    public async Task<Tallies> TallyAsync(int year, CancellationToken cancellationToken)
    {
        var theirs = await figures.RehabilitationOfAsync(year, cancellationToken);
        var report = await dataSource.Command(
                """
                select f.programme, f.measure, count(*), count(distinct f.person_id), coalesce(sum(f.items), 0), coalesce(sum(f.amount), 0)
                from report_facts f join reported_events e on e.message_id = f.message_id
                where f.year = $1 and e.source = 'rehabilitation' and f.measure = any($2)
                group by f.programme, f.measure
                """, year, new[] { "approved", "devices", "screenings", "operations", "need" })
            .ReadAllAsync(r => (Programme: r.GetString(0), Measure: r.GetString(1), Count: r.GetInt64(2), People: r.GetInt64(3),
                Items: r.GetInt64(4), Amount: r.GetDecimal(5)), cancellationToken);
        return new Tallies(
            [.. report.SelectMany(r => r.Measure switch
            {
                "approved" => new Tally[] { new(r.Programme, "approved.people", r.People), new(r.Programme, "approved.amount", r.Amount) },
                "devices" => [new(r.Programme, "devices.people", r.People), new(r.Programme, "devices.items", r.Items), new(r.Programme, "devices.amount", r.Amount)],
                "screenings" => [new(r.Programme, "screenings.count", r.Count), new(r.Programme, "screenings.items", r.Items)],
                "operations" => [new(r.Programme, "operations.count", r.Count)],
                _ => [new(r.Programme, "need.count", r.Count)],
            })],
            [.. theirs.SelectMany(p => new Tally[]
            {
                new(p.Code, "approved.people", p.PeopleApproved), new(p.Code, "approved.amount", ServiceFigures.Money(p.Approved)),
                new(p.Code, "devices.people", p.PeopleFitted), new(p.Code, "devices.items", p.ItemsFitted),
                new(p.Code, "devices.amount", ServiceFigures.Money(p.DevicesCost)),
                new(p.Code, "screenings.count", p.Screenings), new(p.Code, "screenings.items", p.PeopleScreened),
                new(p.Code, "operations.count", p.Operations), new(p.Code, "need.count", p.NeedsAssessed),
            })]);
    }
}
