namespace Tianxin.Contracts.Registry;

/// <summary>
/// What other services may know about a disabled resident to decide eligibility: never the ID number, name
/// or phone. Every registry event carries the whole current set, so a copy is replaced, not patched.
/// </summary>
/// <param name="Status">active, deceased or moved_out.</param>
/// <param name="Category">Disability category of the valid certificate (1 visual … 7 multiple), or null without one.</param>
/// <param name="Grade">1 (most severe) to 4, or null without a valid certificate.</param>
/// <param name="HouseholdFlags">
/// registered_poor, minimum_living, extreme_poverty (statuses in force), and the derived special groups
/// elderly_carer (以老养残), multiple_disabled (一户多残), elderly_disabled (老残一体), alone (孤寡).
/// </param>
/// <param name="Version">Grows with every change to the person's facts; a copy keeps the highest it has seen.</param>
/// <param name="HouseholdId">The registry's household the person belongs to (null without one), so that copies can group members.</param>
/// <param name="HouseholdStatuses">The household's statuses with their dates, past and future as well as in force (null from older publishers).</param>
/// <param name="CertificateValidUntil">The last day of the valid certificate (null without one).</param>
/// <param name="ClosedOn">The day of death or moving out, for a closed record.</param>
public sealed record EligibilityFacts(
    Guid PersonId, DateOnly BirthDate, string Sex, string CommunityCode, string Status, int? Category, int? Grade,
    IReadOnlyList<string> HouseholdFlags, long Version, Guid? HouseholdId = null, IReadOnlyList<HouseholdStatusPeriod>? HouseholdStatuses = null,
    DateOnly? CertificateValidUntil = null, DateOnly? ClosedOn = null);

/// <summary>A household status (建档立卡, 低保, 特困) from its first day to its last (null: open-ended).</summary>
public sealed record HouseholdStatusPeriod(string Status, DateOnly From, DateOnly? To);

/// <summary>A registry event that changes the eligibility facts of one or more persons.</summary>
public interface IChangesEligibility
{
    IReadOnlyList<EligibilityFacts> Facts { get; }

    DateTimeOffset OccurredAt { get; }
}
