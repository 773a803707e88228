using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Relief;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.Contributions;

public sealed record ContributionsRequest(string? Insurance, int? Year);

/// <param name="Covered">Active holders the year's rule covers, registered-poor households first.</param>
/// <param name="NotPaid">Left unpaid because the budget ran out: paying again once the budget is raised pays them.</param>
public sealed record ContributionsResult(string Programme, int Year, decimal Amount, int Covered, int Paid, int AlreadyPaid, int NotPaid, decimal BudgetLeft);

/// <summary>
/// Pays the year's individual contribution of an insurance for every holder its rule covers, from the
/// programme's budget line (never overspent, registered-poor households first), once per person and year in
/// the ledger: calling again pays only those not yet paid.
/// </summary>
public sealed class PayContributions(NpgsqlDataSource dataSource, EligibilityCopy eligibility, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<ContributionsResult>> HandleAsync(ContributionsRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ContributionRule.Insurances.Contains(request.Insurance))
        {
            errors["insurance"] = ["险种为 pension（养老保险）或 medical（医疗保险） / The insurance is pension or medical."];
        }
        DateFields.PastYear(request.Year, "year", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "缴费资助有误 / The contributions have errors");
        }
        var code = ContributionRule.ProgrammeOf(request.Insurance!);
        if (await ReliefProgramme.FindAsync(dataSource, code, request.Year!.Value, cancellationToken) is not { } programme)
        {
            return Failure.Field("year", $"该年度没有 {code} 救助项目及预算 / This year has no {code} programme with a budget.");
        }
        if (await ContributionRule.ForYearAsync(dataSource, request.Insurance!, programme.Year, cancellationToken) is not { } rule)
        {
            return Failure.Field("insurance", "该险种没有资助标准 / The insurance has no rule.");
        }
        var covered = (await eligibility.ActiveHoldersAsync(AreaScope.District, cancellationToken)).Where(p => rule.Covers(p, programme.Year)).ToList();
        var amount = Yuan.Of(rule.Amount);
        var period = programme.Year.ToString(CultureInfo.InvariantCulture);
        var done = await PayEach.RunAsync(dataSource, covered, async (transaction, person) =>
        {
            var paid = await FundedPayments.PayAsync(transaction, programme.Id, person.PersonId, code, period, amount, "bank_transfer", by,
                cancellationToken);
            if (!paid.Succeeded)
            {
                return paid.Failure!;
            }
            await outbox.EnqueueAsync(transaction, new ContributionPaid(paid.Value.Payment.Id, person.PersonId, code, programme.Year, rule.Amount, clock.GetUtcNow()),
                cancellationToken);
            return true;
        }, cancellationToken);
        var left = (await ReliefProgramme.FindAsync(dataSource, programme.Id, cancellationToken))!.Left;
        return new ContributionsResult(code, programme.Year, rule.Amount, covered.Count, done.Paid, done.AlreadyPaid, done.NotPaid, left);
    }
}
