namespace Tianxin.Contracts.Registry;

/// <summary>The household statuses the registry records and eligibility rules name, as they travel in <see cref="EligibilityFacts.HouseholdFlags"/>.</summary>
public static class HouseholdStatuses
{
    /// <summary>建档立卡贫困户.</summary>
    public const string RegisteredPoor = "registered_poor";
    /// <summary>低保 (minimum living guarantee).</summary>
    public const string MinimumLiving = "minimum_living";
    /// <summary>特困 (extreme poverty support).</summary>
    public const string ExtremePoverty = "extreme_poverty";

    public static IReadOnlyList<string> All { get; } = [RegisteredPoor, MinimumLiving, ExtremePoverty];
}
