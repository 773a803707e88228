namespace Tianxin.Contracts.Reporting;

[PartnerScopes]
public static class ReportingScopes
{
    /// <summary>The city federation (市残联) reads the district's year-end figures and targets, as the district sees them.</summary>
    public const string FiguresRead = "reporting.figures.read";
}
