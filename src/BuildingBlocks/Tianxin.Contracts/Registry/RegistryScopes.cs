namespace Tianxin.Contracts.Registry;

[PartnerScopes]
public static class RegistryScopes
{
    /// <summary>Partners checking that a certificate is valid (hospitals, institutions).</summary>
    public const string CertificatesVerify = "registry.certificates.verify";
    /// <summary>Institutions applying for a certificate holder: the registry's opaque person id for a valid certificate.</summary>
    public const string PersonsResolve = "registry.persons.resolve";
    /// <summary>District civil affairs (区民政局) pushes a household's 低保 or 特困 starting or ending.</summary>
    public const string HouseholdStatusReport = "registry.households.status";
}
