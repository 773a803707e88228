namespace Tianxin.Grievance.Features.Clocks;

/// <summary>
/// China's working days: Monday to Friday, except the year's public holidays, plus its make-up working days
/// (调休) on weekends, as the State Council's notice lists them (<c>calendar_days</c>).
/// </summary>
public sealed class WorkingCalendar(IReadOnlyDictionary<DateOnly, bool> exceptions)
{
    public bool IsWorkingDay(DateOnly day) =>
        exceptions.TryGetValue(day, out var working) ? working : day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/>: the day of receipt does not count.</summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        var day = from;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                left--;
            }
        }
        return day;
    }

    /// <summary>
    /// The last day of a period of calendar days counted from the day after <paramref name="from"/>; a last day
    /// that is a rest day or public holiday moves to the next working day (民法典 art. 201, 203).
    /// </summary>
    public DateOnly EndOfPeriod(DateOnly from, int calendarDays)
    {
        var end = from.AddDays(calendarDays);
        while (!IsWorkingDay(end))
        {
            end = end.AddDays(1);
        }
        return end;
    }
}
