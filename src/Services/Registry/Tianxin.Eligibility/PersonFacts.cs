namespace Tianxin.Eligibility;

/// <summary>A person's facts as this service's copy holds them (from the registry's events).</summary>
/// <param name="Status">active, deceased or moved_out.</param>
public sealed record PersonFacts(
    Guid PersonId, DateOnly BirthDate, string Sex, string CommunityCode, string Status, int? Category, int? Grade, IReadOnlyList<string> HouseholdFlags,
    Guid? HouseholdId, IReadOnlyList<Contracts.Registry.HouseholdStatusPeriod>? HouseholdStatuses = null, DateOnly? CertificateValidUntil = null,
    DateOnly? ClosedOn = null)
{
    public bool IsRegisteredPoor => HouseholdFlags.Contains(Contracts.Registry.HouseholdStatuses.RegisteredPoor);

    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }
}
