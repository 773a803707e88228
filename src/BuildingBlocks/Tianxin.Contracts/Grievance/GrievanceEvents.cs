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
