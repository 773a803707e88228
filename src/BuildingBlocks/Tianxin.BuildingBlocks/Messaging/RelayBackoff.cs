namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>Exponential back-off for outbox rows the broker did not take: 2 s, 4 s, 8 s, … up to a cap.</summary>
internal static class RelayBackoff
{
    public static TimeSpan After(int attempts, TimeSpan max)
    {
        if (attempts <= 0)
        {
            return TimeSpan.Zero;
        }
        var seconds = Math.Pow(2, Math.Min(attempts, 30));
        return TimeSpan.FromSeconds(Math.Min(seconds, max.TotalSeconds));
    }
}
