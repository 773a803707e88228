namespace Tianxin.Relief.Features.Figures;

/// <summary>One subsidy's month: what was paid (the bank's results), what waits, what failed.</summary>
public sealed record SubsidyMonthFigures(string Subsidy, string Month, int People, int PaidPayments, decimal Paid, int PendingPayments,
    decimal Pending, int FailedPayments);

/// <param name="Cases">Cases granted, homes modified (completed) and campaign visits made.</param>
/// <param name="Granted">What they were granted, what the works cost, or what the visits handed over.</param>
public sealed record ProgrammeFigures(Guid ProgrammeId, string Code, string Name, int Year, int Cases, int People, decimal Granted,
    decimal Budget, decimal BudgetLeft);

/// <summary>Enrolled ÷ eligible under the year's rule, for persons of the caller's area (target 100%).</summary>
public sealed record SubsidyCoverage(string Subsidy, int Eligible, int Enrolled, decimal? Coverage, decimal RecoveriesOpen);

public sealed record ReliefFigures(int Year, IReadOnlyList<SubsidyMonthFigures> Subsidies, IReadOnlyList<SubsidyCoverage> Coverage,
    IReadOnlyList<ProgrammeFigures> Programmes);

/// <summary>An eligible person not (yet) enrolled, and why: the step their enrolment waits at, its refusal, or none proposed.</summary>
public sealed record CoverageGap(Guid PersonId, string CommunityCode, int? Category, int? Grade, string Subsidy, string Why, string? Detail);
