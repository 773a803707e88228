namespace Tianxin.Reporting.Features.Events;

/// <summary>
/// One thing an event counts for: a measure (served, paid, received…) of a programme in the period the event
/// belongs to. Figures add facts up: how many, distinct people and households, items, money.
/// </summary>
/// <param name="CommunityCode">Where it happened, when the event says; otherwise the person's community counts.</param>
/// <param name="Items">Devices, sessions, days, people screened: whatever the measure counts beyond persons.</param>
public sealed record ReportFact(string Programme, string Measure, int Year, int? Month, string? CommunityCode, Guid? PersonId,
    Guid? HouseholdId, int Items, decimal Amount)
{
    public static ReportFact On(string programme, string measure, DateOnly day, Guid? person = null, int items = 1, decimal amount = 0,
        string? community = null, Guid? household = null) =>
        new(programme, measure, day.Year, day.Month, community, person, household, items, amount);

    /// <summary>A fact of a programme's year whose month is known only if the period names one ("2026-03"; "2026" does not).</summary>
    public static ReportFact InPeriod(string programme, string measure, int year, string period, Guid? person, decimal amount,
        Guid? household = null) =>
        new(programme, measure, year, MonthOf(period), null, person, household, 1, amount);

    private static int? MonthOf(string period) =>
        period.Length == 7 && period[4] == '-' && int.TryParse(period.AsSpan(5), out var month) && month is >= 1 and <= 12 ? month : null;
}
