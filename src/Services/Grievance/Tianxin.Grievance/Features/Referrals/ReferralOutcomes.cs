using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Grievance.Features.Referrals;

/// <summary>The outcome another service sends back, written on the referral of the grievance it names; outcomes of cases no grievance referred pass by.</summary>
public static class ReferralOutcomes
{
    public const string GrievancePrefix = "grievance:";

    public static Guid? GrievanceOf(string? referredFrom) =>
        referredFrom is not null && referredFrom.StartsWith(GrievancePrefix, StringComparison.Ordinal)
        && Guid.TryParse(referredFrom[GrievancePrefix.Length..], out var id)
            ? id
            : null;

    public static Task<int> RecordAsync(NpgsqlTransaction transaction, Guid caseId, string target, string outcome, string note, DateOnly on,
        CancellationToken cancellationToken) =>
        transaction.Command("update referrals set outcome = $3, outcome_note = $4, outcome_on = $5 where case_id = $1 and target = $2",
            caseId, target, outcome, note, on).ExecuteAsync(cancellationToken);

    public static string Granted(decimal amount, string method) => $"{Yuan.Of(amount).ToYuanText()}（{method}）";
}
