namespace Tianxin.Contracts.Grievance;

/// <summary>
/// A grievance revealed hardship: relief opens a case for the person (handled like any application) and
/// answers with ReliefGranted or ReliefRefused carrying "grievance:" and this grievance's id.
/// </summary>
/// <param name="RequestedAmount">What the handler suggests, if anything; relief caps it at its programme's limit per case.</param>
public sealed record HardshipReferred(Guid GrievanceId, Guid PersonId, string Cause, decimal? RequestedAmount, DateOnly OccurredOn,
    DateTimeOffset OccurredAt);
