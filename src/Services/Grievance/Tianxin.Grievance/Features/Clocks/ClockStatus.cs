namespace Tianxin.Grievance.Features.Clocks;

/// <summary>Where a case stands against its next due date: on_track, at_risk (the rule's days or fewer left) or breached.</summary>
public static class ClockStatus
{
    public const string OnTrack = "on_track";
    public const string AtRisk = "at_risk";
    public const string Breached = "breached";

    public static string? Of(DateOnly? dueOn, DateOnly today, int atRiskDays) => dueOn switch
    {
        null => null,
        { } due when today > due => Breached,
        { } due when due.DayNumber - today.DayNumber <= atRiskDays => AtRisk,
        _ => OnTrack,
    };
}
