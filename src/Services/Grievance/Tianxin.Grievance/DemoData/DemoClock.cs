namespace Tianxin.Grievance.DemoData;

/// <summary>The day the demo's handlers believe it is, so that 2019's cases are received, replied and called back on 2019's days.</summary>
public sealed class DemoClock(TimeProvider real) : TimeProvider
{
    private DateOnly? _day;

    public override DateTimeOffset GetUtcNow() =>
        _day is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero) : real.GetUtcNow();

    public void Set(DateOnly? day) => _day = day;
}
