namespace Tianxin.Grievance.Features.Clocks;

/// <summary>The dates a case's clock sets at its stage, and whether its steps kept them.</summary>
public static class CaseClock
{
    /// <summary>信访工作条例 (2022): acceptance within 15 days of receipt, the reply within 60 days of acceptance plus any extension, a review's answer within 30 days of its request.</summary>
    public static DateOnly? PetitionDue(string stage, DateOnly receivedOn, DateOnly? acceptedOn, int extensionDays, DateOnly? reviewRequestedOn,
        ClockRules rules) => stage switch
    {
        "acceptance" => rules.Calendar.EndOfPeriod(receivedOn, rules.PetitionAcceptance),
        "handling" => rules.Calendar.EndOfPeriod(acceptedOn ?? receivedOn, rules.PetitionHandling + extensionDays),
        "review" => rules.Calendar.EndOfPeriod(reviewRequestedOn ?? receivedOn, rules.ReviewAnswer),
        _ => null,
    };

    /// <summary>A 12345 order must be signed for within the sign rule's working days, then handled within its type's.</summary>
    public static DateOnly? WorkOrderDue(string state, DateOnly signDue, DateOnly handleDue) => state switch
    {
        "received" => signDue,
        "handling" => handleDue,
        _ => null,
    };

    /// <summary>The last day a petitioner may ask for a review (复查) or re-review (复核) of an answer given on <paramref name="answeredOn"/>.</summary>
    public static DateOnly ReviewWindowEnd(DateOnly answeredOn, ClockRules rules) => rules.Calendar.EndOfPeriod(answeredOn, rules.ReviewRequest);
}
