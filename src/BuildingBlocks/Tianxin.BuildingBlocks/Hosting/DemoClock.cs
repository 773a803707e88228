namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>
/// The day a demo's handlers believe it is, so that a past year's cases are received, decided and delivered on that
/// year's days through the same handlers as the API.
/// </summary>
public sealed class DemoClock(TimeProvider real) : TimeProvider
{
    private DateOnly? _day;

    public override DateTimeOffset GetUtcNow() =>
        _day is { } day ? new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero) : real.GetUtcNow();

    public void Set(DateOnly? day) => _day = day;
}
