namespace Tianxin.Contracts.Relief;

[PartnerScopes]
public static class ReliefScopes
{
    /// <summary>District civil affairs (区民政局) decides on two-subsidy enrolments (审定).</summary>
    public const string EnrolmentsDecide = "relief.enrolments.decide";
    /// <summary>The paying bank fetches approved payment lists and reports each line's result.</summary>
    public const string PaymentsBank = "relief.payments.bank";
    /// <summary>The district education bureau (区教育局) reports the schooling of disabled children of school age.</summary>
    public const string SchoolingReport = "relief.schooling.report";
}
