namespace Tianxin.Contracts.Employment;

// What the year-end report is drafted from: persons by id only, with the community for counting by area.

public sealed record SeekerRegistered(Guid PersonId, string CommunityCode, string WorkingAbility, DateOnly RegisteredOn, DateTimeOffset OccurredAt);

/// <param name="Kind">employer, self_employed, flexible, public_welfare_post or concentrated_base.</param>
/// <param name="Source">staff, referral:&lt;id&gt; or fair:&lt;id&gt;.</param>
public sealed record EmploymentStarted(Guid RecordId, Guid PersonId, string CommunityCode, string Kind, Guid? EmployerId, DateOnly StartedOn,
    string Source, DateTimeOffset OccurredAt);

public sealed record EmploymentEnded(Guid RecordId, Guid PersonId, string Kind, DateOnly EndedOn, string Reason, DateTimeOffset OccurredAt);

/// <param name="CourseKind">general, order, directed or fixed_post (三定培训).</param>
public sealed record TrainingCompleted(Guid EnrolmentId, Guid CourseId, Guid PersonId, string School, string CourseKind, DateOnly CompletedOn,
    DateTimeOffset OccurredAt);

/// <param name="Period">"2026" (a year) or "2026-03" (a month), as the programme counts.</param>
public sealed record EmploymentPaymentMade(Guid PaymentId, Guid PersonId, Guid? HouseholdId, string ProgrammeCode, int Year, string Period,
    decimal Amount, DateTimeOffset OccurredAt);

/// <param name="Required">Headcount × the year's rate (e.g. 2.25 for 150 staff at 1.5%).</param>
/// <param name="Counted">Disabled employees, grade 1–2 counting as the rule's weight.</param>
public sealed record QuotaAssessed(Guid EmployerId, int Year, int Headcount, decimal Required, decimal Counted, decimal Shortfall, decimal Fund,
    bool Exempt, DateTimeOffset OccurredAt);

/// <param name="Kind">day_care or home_care.</param>
/// <param name="Month">"2026-03".</param>
/// <param name="Subsidy">The month's subsidy paid for the person.</param>
public sealed record CareServiceRecorded(Guid EnrolmentId, Guid PersonId, string Kind, string Month, int DaysServed, decimal Subsidy,
    DateTimeOffset OccurredAt);

/// <summary>
/// The HR bureau's report of a certificate holder's basic pension and medical insurance for a year (社保参保);
/// a later report of the same person and year replaces an earlier one.
/// </summary>
public sealed record SocialInsuranceReported(Guid PersonId, int Year, bool Pension, bool Medical, DateTimeOffset OccurredAt);

/// <summary>The outcome of a labour case that a grievance referred; the grievance service closes its side with it.</summary>
/// <param name="Outcome">reinstated, wages_recovered, compensated, legal_aid (sent on to legal aid) or unresolved.</param>
public sealed record EmploymentDisputeResolved(Guid CaseId, Guid GrievanceId, Guid PersonId, string Outcome, string Note, DateOnly ResolvedOn,
    DateTimeOffset OccurredAt);
