namespace Tianxin.Contracts.Rehabilitation;

// What the year-end report is drafted from: programme, year, amounts and counts; persons by id only.

/// <param name="Source">home_visit, screening or referral.</param>
public sealed record NeedAssessed(Guid NeedId, Guid PersonId, string ProgrammeCode, int Year, string Source, DateOnly AssessedOn,
    DateTimeOffset OccurredAt);

/// <param name="Decision">approved or rejected.</param>
public sealed record ApplicationDecided(Guid ApplicationId, Guid PersonId, string ProgrammeCode, int Year, string Decision, decimal Amount,
    string? Institution, string? Reason, DateOnly DecidedOn, DateTimeOffset OccurredAt);

public sealed record DevicesFitted(Guid ApplicationId, Guid PersonId, string ProgrammeCode, int Year, string DeviceType, int Count,
    decimal Cost, DateOnly FittedOn, DateTimeOffset OccurredAt);

/// <param name="Spent">What the case cost, at most the approved amount; the rest returns to the budget.</param>
public sealed record ServiceCompleted(Guid ApplicationId, Guid PersonId, string ProgrammeCode, int Year, int Sessions, decimal Spent,
    string Outcome, DateOnly CompletedOn, DateTimeOffset OccurredAt);

public sealed record ScreeningHeld(Guid ScreeningId, string ProgrammeCode, int Year, string Place, DateOnly HeldOn, int PeopleScreened,
    DateTimeOffset OccurredAt);

public sealed record OperationDone(Guid ApplicationId, Guid PersonId, string ProgrammeCode, int Year, string Kind, DateOnly PerformedOn,
    DateTimeOffset OccurredAt);
