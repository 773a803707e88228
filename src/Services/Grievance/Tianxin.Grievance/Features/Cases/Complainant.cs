using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.Grievance.Features.Cases;

/// <summary>
/// A complainant the registry does not know is a name and a phone: personal data, encrypted at rest, masked
/// on reading, and shown whole only to a caseworker who states why (the read is audited).
/// </summary>
public static class Complainant
{
    public const string NamePurpose = "grievance.complainant_name";
    public const string PhonePurpose = "grievance.complainant_phone";

    public static string? Show(byte[]? stored, string purpose, bool unmasked, PersonalDataProtector protector, Func<string, string> mask) =>
        stored is null ? null : unmasked ? protector.Decrypt(stored, purpose) : mask(protector.Decrypt(stored, purpose));
}
