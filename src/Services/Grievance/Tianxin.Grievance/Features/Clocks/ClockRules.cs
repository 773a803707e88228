using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.Clocks;

/// <summary>The periods of <c>clock_rules</c>, and the calendar they are counted on.</summary>
public sealed record ClockRules(IReadOnlyDictionary<string, int> Days, WorkingCalendar Calendar)
{
    public int PetitionAcceptance => Days["petition_acceptance"];
    public int PetitionHandling => Days["petition_handling"];
    public int PetitionExtensionMax => Days["petition_extension_max"];
    public int ReviewRequest => Days["review_request"];
    public int ReviewAnswer => Days["review_answer"];
    public int AtRisk => Days["at_risk"];
    public int WorkOrderSign => Days["work_order_sign"];
    public int WorkOrderExtensionMax => Days["work_order_extension_max"];
    public int SupervisionReturns => Days["supervision_returns"];
    public int DefectRectification => Days["defect_rectification"];

    /// <summary>Read at each step: both tables are small, and the district's edits count from the next step on.</summary>
    public static async Task<ClockRules> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var rules = new NpgsqlCommand("select code, days from clock_rules", connection);
        var days = await rules.ReadAllAsync(reader => (Code: reader.Get<string>("code"), Days: reader.Get<int>("days")), cancellationToken);
        await using var calendar = new NpgsqlCommand("select day, working from calendar_days", connection);
        var exceptions = await calendar.ReadAllAsync(reader => (Day: reader.Get<DateOnly>("day"), Working: reader.Get<bool>("working")), cancellationToken);
        return new ClockRules(days.ToDictionary(d => d.Code, d => d.Days), new WorkingCalendar(exceptions.ToDictionary(e => e.Day, e => e.Working)));
    }

    /// <summary>For reads that only show a status: the one rule they need, not the calendar.</summary>
    public static Task<int> AtRiskDaysAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command("select days from clock_rules where code = 'at_risk'").ScalarAsync<int>(cancellationToken);

    public static Task<ClockRules> ReadAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ReadAsync(transaction.Connection!, cancellationToken);

    public static async Task<ClockRules> ReadAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadAsync(connection, cancellationToken);
    }
}
