namespace Tianxin.Contracts.Registry;

/// <summary>
/// A disabled resident was registered. Carries the eligibility facts other services keep copies of, and
/// never the ID number, name or phone.
/// </summary>
public sealed record PersonRegistered(Guid PersonId, DateOnly BirthDate, string Sex, string CommunityCode, DateTimeOffset OccurredAt);
