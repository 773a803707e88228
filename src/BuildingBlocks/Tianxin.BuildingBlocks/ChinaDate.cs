namespace Tianxin.BuildingBlocks;

public static class ChinaDate
{
    /// <summary>Today in China (UTC+8, no daylight saving): the day every age, validity and "not in the future" rule means.</summary>
    public static DateOnly TodayInChina(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}
