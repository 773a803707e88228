namespace Tianxin.BuildingBlocks;

public static class ChinaDate
{
    /// <summary>Today in China (UTC+8, no daylight saving): the day every age, validity and "not in the future" rule means.</summary>
    public static DateOnly TodayInChina(this TimeProvider clock) => clock.GetUtcNow().DayInChina();

    /// <summary>The day a moment falls on in China, e.g. the day an event occurred.</summary>
    public static DateOnly DayInChina(this DateTimeOffset moment) => DateOnly.FromDateTime(moment.UtcDateTime.AddHours(8));
}
