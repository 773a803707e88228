using System.Text.Json.Serialization;

namespace Tianxin.Contracts.Registry;

public sealed record PersonRegistered(EligibilityFacts Person, DateTimeOffset OccurredAt) : IChangesEligibility
{
    [JsonIgnore]
    public IReadOnlyList<EligibilityFacts> Facts => [Person];
}

/// <param name="ChangedFields">Names of the fields that changed (e.g. communityCode, phone), without their values.</param>
public sealed record PersonDetailsChanged(EligibilityFacts Person, IReadOnlyList<string> ChangedFields, DateTimeOffset OccurredAt)
    : IChangesEligibility
{
    [JsonIgnore]
    public IReadOnlyList<EligibilityFacts> Facts => [Person];
}

/// <param name="Reason">deceased or moved_out.</param>
/// <param name="Household">The other registered members of the person's household, whose flags change with them.</param>
public sealed record PersonClosed(EligibilityFacts Person, IReadOnlyList<EligibilityFacts> Household, string Reason, DateOnly ClosedOn,
    DateTimeOffset OccurredAt) : IChangesEligibility
{
    [JsonIgnore]
    public IReadOnlyList<EligibilityFacts> Facts => [Person, .. Household];
}

/// <summary>Issuing, re-assessing, revoking or expiring a certificate changes the person's and their household's facts.</summary>
/// <param name="Change">issued, reassessed, revoked or expired.</param>
/// <param name="Facts">The certificate holder first, then the other registered members of their household.</param>
public sealed record CertificateChanged(
    Guid CertificateId, Guid PersonId, string Change, int Category, int Grade, DateOnly EffectiveOn,
    IReadOnlyList<EligibilityFacts> Facts, DateTimeOffset OccurredAt) : IChangesEligibility;

/// <param name="Change">status_recorded, status_ended or members_changed.</param>
/// <param name="Facts">Every registered disabled member of the household.</param>
public sealed record HouseholdChanged(
    Guid HouseholdId, string Change, string? Status, DateOnly EffectiveOn, IReadOnlyList<EligibilityFacts> Facts,
    DateTimeOffset OccurredAt) : IChangesEligibility;

/// <summary>
/// Facts that changed with time alone (a person or a carer turned 60, a household status began or ended
/// on its date), found by the registry's periodic refresh; up to a few hundred persons per event.
/// </summary>
public sealed record EligibilityFactsRefreshed(IReadOnlyList<EligibilityFacts> Facts, DateTimeOffset OccurredAt) : IChangesEligibility;
