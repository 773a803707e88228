namespace Tianxin.Contracts.Grievance;

[PartnerScopes]
public static class GrievanceScopes
{
    /// <summary>The 12345 citizen hotline pushes and follows its work orders.</summary>
    public const string WorkOrdersWrite = "grievance.workorders.write";
}
