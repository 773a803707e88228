using System.Security.Claims;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Registry.Features.Persons;

/// <summary>A person as a caller sees them: the ID number and phone masked unless <see cref="Disclosure.Full"/>.</summary>
public sealed record PersonView(
    Guid Id, string IdNumber, string Name, string Sex, DateOnly BirthDate, string? Phone, string? Address,
    string CommunityCode, string Status, int Version);

public enum Disclosure
{
    Masked,
    Full,
}

public static class PersonDisclosure
{
    /// <summary>Staff who work with residents may see full values when they state why; auditors and operators never.</summary>
    private static readonly string[] MayUnmask =
        [PlatformRoles.DistrictAdmin, PlatformRoles.DistrictOfficer, PlatformRoles.StreetStaff, PlatformRoles.CommunityStaff];

    public static Disclosure For(ClaimsPrincipal user, string? purpose) =>
        !string.IsNullOrWhiteSpace(purpose) && MayUnmask.Any(role => user.HasClaim(PlatformClaims.Role, role))
            ? Disclosure.Full
            : Disclosure.Masked;

    public static PersonView View(this PersonRow row, PersonalDataProtector protector, Disclosure disclosure)
    {
        var idNumber = protector.Decrypt(row.IdNumberCipher, PersonRow.IdNumberPurpose);
        return new PersonView(row.Id,
            disclosure == Disclosure.Full ? idNumber : Masking.IdNumber(idNumber),
            row.Name, row.Sex, row.BirthDate,
            row.Phone is null ? null : disclosure == Disclosure.Full ? row.Phone : Masking.Phone(row.Phone),
            row.Address, row.CommunityCode, row.Status, row.Version);
    }
}
