using System.Security.Claims;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Registry.Features.Certificates;

namespace Tianxin.Registry.Features.Persons;

/// <summary>
/// A person as a caller sees them: the ID number, certificate number and phone masked unless <see cref="Disclosure.Full"/>.
/// A masked view gives the birth year only: the mask hides the eight birth-date digits, which a full birth date beside it would give back.
/// </summary>
/// <param name="HouseholdFlags">Household statuses in force and the special groups derived from the household (see EligibilityFacts).</param>
/// <param name="PossibleDuplicateOf">Persons of your area this record looks like, until someone reviews them.</param>
public sealed record PersonView(
    Guid Id, string IdNumber, string Name, string Sex, DateOnly? BirthDate, int BirthYear, string? Phone, string? Address,
    string CommunityCode, string Status, DateOnly? ClosedOn, string? ClosedReason, int Version, CertificateView? Certificate,
    Guid? HouseholdId, IReadOnlyList<string> HouseholdFlags, IReadOnlyList<Guid> PossibleDuplicateOf);

public enum Disclosure
{
    Masked,
    Full,
}

public static class PersonDisclosure
{
    public static Disclosure For(ClaimsPrincipal user, string? purpose) => Unmasking.Allowed(user, purpose) ? Disclosure.Full : Disclosure.Masked;

    public static PersonView View(this PersonRow row, PersonalDataProtector protector, Disclosure disclosure)
    {
        var idNumber = protector.Decrypt(row.IdNumberCipher, PersonRow.IdNumberPurpose);
        var shownIdNumber = disclosure == Disclosure.Full ? idNumber : Masking.IdNumber(idNumber);
        return new PersonView(row.Id, shownIdNumber, row.Name, row.Sex, disclosure == Disclosure.Full ? row.BirthDate : null, row.BirthDate.Year,
            row.Phone is null ? null : disclosure == Disclosure.Full ? row.Phone : Masking.Phone(row.Phone),
            row.Address, row.CommunityCode, row.Status, row.ClosedOn, row.ClosedReason, row.Version,
            row.Certificate?.View(shownIdNumber), row.HouseholdId, row.HouseholdFlags, row.PossibleDuplicateOf);
    }
}
