namespace Tianxin.Contracts.Grievance;

[PartnerScopes]
public static class GrievanceScopes
{
    /// <summary>The 12345 citizen hotline pushes and follows its work orders.</summary>
    public const string WorkOrdersWrite = "grievance.workorders.write";
    /// <summary>A contracted law firm (签约律师事务所) accepts, records and closes the legal aid cases given to it.</summary>
    public const string LegalAidWrite = "grievance.legalaid.write";
}
