namespace Tianxin.Contracts.Grievance;

/// <summary>
/// A grievance revealed hardship: relief opens a case for the person (handled like any application) and
/// answers with ReliefGranted or ReliefRefused carrying "grievance:" and this grievance's id.
/// </summary>
/// <param name="RequestedAmount">What the handler suggests, if anything; relief caps it at its programme's limit per case.</param>
public sealed record HardshipReferred(Guid GrievanceId, Guid PersonId, string Cause, decimal? RequestedAmount, DateOnly OccurredOn,
    DateTimeOffset OccurredAt);

/// <summary>
/// A grievance about work: employment opens a labour case for the person (followed up by its staff, or sent on
/// to legal aid) and answers with EmploymentDisputeResolved naming this grievance.
/// </summary>
/// <param name="Kind">dismissal (被辞退) or unpaid_wages (拖欠工资).</param>
/// <param name="EmployerName">As the petitioner named it; the employer may not be registered.</param>
public sealed record EmploymentDisputeReferred(Guid GrievanceId, Guid PersonId, string Kind, string? EmployerName, string Summary, DateOnly OccurredOn,
    DateTimeOffset OccurredAt);

// What the year-end report is drafted from: cases by id, kind, channel, subject and community; complainants never.

/// <param name="Kind">petition (信访), work_order (12345) or complaint (来访投诉).</param>
/// <param name="Channel">letter, visit, phone, online, hotline or walk_in.</param>
public sealed record GrievanceReceived(Guid CaseId, string Kind, string Channel, string Subject, string CommunityCode, DateOnly ReceivedOn,
    DateTimeOffset OccurredAt);

/// <param name="Action">assign, transfer, return or escalate, within district → street → community.</param>
public sealed record GrievanceRouted(Guid CaseId, string Action, string FromArea, string ToArea, string? Handler, string? Reason,
    DateTimeOffset OccurredAt);

/// <param name="OnTime">Replied by the due date of its clock (60 days of acceptance, or the order's working days).</param>
public sealed record GrievanceReplied(Guid CaseId, string Kind, DateOnly RepliedOn, bool OnTime, DateTimeOffset OccurredAt);

public sealed record GrievanceClosed(Guid CaseId, string Kind, string Subject, string CommunityCode, DateOnly ClosedOn, bool OnTime,
    DateTimeOffset OccurredAt);

/// <summary>The petitioner went above the district (越级上访): the goal is none.</summary>
/// <param name="To">city or province.</param>
public sealed record GrievanceEscalatedBeyondDistrict(Guid CaseId, string To, DateOnly On, DateTimeOffset OccurredAt);

/// <param name="Satisfaction">satisfied, basically_satisfied or dissatisfied, as the hotline's call-back heard it.</param>
public sealed record WorkOrderCalledBack(Guid CaseId, string OrderNo, string Satisfaction, bool Resolved, DateOnly CalledBackOn,
    DateTimeOffset OccurredAt);

/// <param name="Type">curb_ramp (缘石坡道), tactile_paving (盲道), ramp, lift, toilet, entrance, parking or other.</param>
public sealed record AccessibilityDefectFixed(Guid DefectId, string Type, string Department, string CommunityCode, DateOnly FixedOn,
    DateTimeOffset OccurredAt);

/// <param name="Kind">consultation (法律咨询) or action (代写文书, 调解, 代理诉讼…).</param>
/// <param name="By">The legal aid station, or the law firm's client id.</param>
public sealed record LegalAidGiven(Guid LegalAidCaseId, string Kind, string By, DateOnly On, DateTimeOffset OccurredAt);
