namespace Tianxin.Contracts.Relief;

// What the year-end report is drafted from: programme (the subsidy is its programme), period, counts and
// amounts; persons by id only.

/// <param name="Subsidy">living_subsidy or care_subsidy.</param>
/// <param name="MatchedRule">The rule that found the person, e.g. "care_subsidy 2026: grade 1–2".</param>
public sealed record EnrolmentProposed(Guid EnrolmentId, Guid PersonId, string Subsidy, string CommunityCode, string MatchedRule,
    DateTimeOffset OccurredAt);

/// <param name="Decision">approved, or refused at the step named.</param>
public sealed record EnrolmentDecided(Guid EnrolmentId, Guid PersonId, string Subsidy, string Decision, string Step, string? Reason,
    DateOnly? StartsMonth, DateTimeOffset OccurredAt);

/// <param name="Reason">deceased, moved_out, certificate_revoked, certificate_expired, out_of_grade, left_minimum_living, excluded.</param>
public sealed record EnrolmentEnded(Guid EnrolmentId, Guid PersonId, string Subsidy, DateOnly LastMonth, string Reason, DateTimeOffset OccurredAt);

public sealed record RecoveryRaised(Guid RecoveryId, Guid PersonId, string Subsidy, DateOnly Month, decimal Amount, DateTimeOffset OccurredAt);

public sealed record PaymentRunApproved(Guid RunId, string Subsidy, DateOnly Month, int Lines, decimal Total, DateTimeOffset OccurredAt);

/// <summary>Every line has the bank's result: failed lines are paid again in a later run.</summary>
public sealed record PaymentRunClosed(Guid RunId, string Subsidy, DateOnly Month, int Paid, decimal PaidTotal, int Failed, decimal FailedTotal,
    DateTimeOffset OccurredAt);

/// <param name="Period">The month paid for ("2026-03").</param>
/// <param name="Outcome">paid or failed.</param>
public sealed record PaymentSettled(Guid PaymentId, Guid PersonId, string Programme, string Period, decimal Amount, string Outcome,
    string? Reason, DateTimeOffset OccurredAt);

/// <param name="ReferredFrom">Set when another service referred the case (e.g. "grievance:…"), whose outcome this also is.</param>
public sealed record ReliefGranted(Guid CaseId, Guid PersonId, string ProgrammeCode, int Year, decimal Amount, string Method,
    string? ReferredFrom, DateOnly GrantedOn, DateTimeOffset OccurredAt);

/// <param name="CaseId">Empty when a referral was refused before any case could be opened (no programme this year, or an unknown person).</param>
public sealed record ReliefRefused(Guid CaseId, Guid PersonId, string ProgrammeCode, int Year, string Reason, string? ReferredFrom,
    DateOnly RefusedOn, DateTimeOffset OccurredAt);

/// <param name="Spent">What the works cost, paid once; the rest of the planned amount returned to the budget.</param>
public sealed record HomeModificationCompleted(Guid ModificationId, Guid PersonId, string ProgrammeCode, int Year, decimal Spent, bool RegisteredPoor,
    bool Rural, DateOnly CompletedOn, DateTimeOffset OccurredAt);

/// <param name="Festival">spring_festival, disability_day, mid_autumn or other.</param>
public sealed record CampaignVisitMade(Guid CampaignId, Guid VisitId, Guid PersonId, string ProgrammeCode, int Year, string Festival, decimal Amount,
    string Method, DateOnly VisitedOn, DateTimeOffset OccurredAt);

/// <summary>
/// The education bureau's report of a disabled child's schooling for a year (在学 at a stage, or not); a later
/// report of the same person and year replaces an earlier one.
/// </summary>
/// <param name="Stage">preschool, primary, junior_secondary, home_teaching (送教上门), senior_secondary or higher; null when not enrolled.</param>
public sealed record SchoolingReported(Guid PersonId, int Year, string? Stage, bool Enrolled, DateTimeOffset OccurredAt);

/// <summary>A holder's individual insurance contribution for a year paid on their behalf (参保缴费资助), once per insurance and year.</summary>
/// <param name="Programme">pension_contribution or medical_contribution.</param>
public sealed record ContributionPaid(Guid PaymentId, Guid PersonId, string Programme, int Year, decimal Amount, DateTimeOffset OccurredAt);
