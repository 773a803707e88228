namespace Tianxin.Contracts.Rehabilitation;

[PartnerScopes]
public static class RehabilitationScopes
{
    /// <summary>Contracted institutions list the cases assigned to them.</summary>
    public const string CasesRead = "rehabilitation.cases.read";
    /// <summary>Contracted institutions record sessions, devices and completion, and apply for holders.</summary>
    public const string SessionsWrite = "rehabilitation.sessions.write";
    /// <summary>Hospitals record screenings and operations.</summary>
    public const string ScreeningsWrite = "rehabilitation.screenings.write";
    /// <summary>The education bureau delivers home schooling (送教上门).</summary>
    public const string HomeSchoolingWrite = "rehabilitation.homeschooling.write";
}
