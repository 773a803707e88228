using System.Text.RegularExpressions;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Features.Enrolments;

/// <param name="AcceptedOn">The day the street accepted it (today when left out); payments start with its month.</param>
/// <param name="BankAccount">The account the subsidy is paid to: 10 to 30 digits, stored encrypted.</param>
/// <param name="OtherBenefits">Benefits the person already receives, which some rules do not stack with.</param>
public sealed record AcceptanceRequest(
    bool? Approved, string? Reason, DateOnly? AcceptedOn, string? BankAccount, string? AccountHolder, OtherBenefit[]? OtherBenefits);

/// <summary>受理初审: the street accepts and checks a proposal of its area, or refuses it with a reason.</summary>
public sealed partial class AcceptEnrolment(NpgsqlDataSource dataSource, EnrolmentSteps steps, PersonalDataProtector protector, TimeProvider clock)
{
    public const string AccountPurpose = "relief.bank_account";
    public const string HolderPurpose = "relief.account_holder";
    private static readonly DateOnly SubsidiesBegan = new(2016, 1, 1);

    public async Task<Outcome<Enrolment>> HandleAsync(Guid id, AcceptanceRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        var errors = EnrolmentSteps.Validate(new StepRequest(request.Approved, request.Reason));
        var today = clock.TodayInChina();
        var acceptedOn = DateFields.Past(request.AcceptedOn ?? today, "acceptedOn", errors, today);
        if (acceptedOn < SubsidiesBegan)
        {
            errors["acceptedOn"] = ["受理日期不能早于2016年（两项补贴建立） / Not before 2016, when the subsidies began."];
        }
        if (request.Approved is true)
        {
            if (request.BankAccount is null || !Account().IsMatch(request.BankAccount))
            {
                errors["bankAccount"] = ["银行账号为10至30位数字 / A bank account is 10 to 30 digits."];
            }
            if (string.IsNullOrWhiteSpace(request.AccountHolder) || request.AccountHolder.Trim().Length is < 2 or > 30)
            {
                errors["accountHolder"] = ["请填写户名（2至30字） / Give the account holder's name (2 to 30 characters)."];
            }
            if (request.OtherBenefits?.FirstOrDefault(b => !TwoSubsidies.OtherBenefits.Contains(b.Kind) || b.MonthlyAmount is < 0 or > 100_000m) is { } bad)
            {
                errors["otherBenefits"] = [$"未知的其他待遇或金额有误：{bad.Kind} / Unknown benefit or amount: {bad.Kind}."];
            }
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, EnrolmentSteps.InvalidTitle);
        }
        var month = new DateOnly(acceptedOn!.Value.Year, acceptedOn.Value.Month, 1);
        if (request.Approved is true && await NotStackedAsync(id, scope, month.Year, request.OtherBenefits ?? [], cancellationToken) is { } failure)
        {
            return failure;
        }
        var onward = request.Approved is true
            ? ("starts_month = $4, other_benefits = $5, bank_account = $6, account_holder = $7",
                new object?[] { month, (request.OtherBenefits ?? []).Select(b => b.Kind).ToArray(),
                    protector.Encrypt(request.BankAccount!, AccountPurpose), protector.Encrypt(request.AccountHolder!.Trim(), HolderPurpose) })
            : ("", []);
        return await steps.MoveAsync(id, scope, "acceptance", "proposed", "accepted", new StepRequest(request.Approved, request.Reason), by,
            "accepted_by", onward, cancellationToken);
    }

    private async Task<Failure?> NotStackedAsync(Guid id, AreaScope scope, int year, IReadOnlyList<OtherBenefit> benefits,
        CancellationToken cancellationToken)
    {
        if (await Enrolment.FindAsync(dataSource, id, scope, cancellationToken) is not { } enrolment)
        {
            return Failure.Missing;
        }
        if (await SubsidyRule.FindAsync(dataSource, enrolment.Subsidy, year, cancellationToken) is not { } rule)
        {
            return Failure.Field("acceptedOn", $"{year} 年尚无此补贴标准 / No rule for this subsidy in {year}.", EnrolmentSteps.InvalidTitle);
        }
        return SubsidyEligibility.ExcludingBenefit(rule, benefits) is { } excluding
            ? new Failure.Conflict($"此补贴不与 {excluding} 叠加享受，请不予受理并说明 / Not paid together with {excluding}: refuse it with that reason",
                null, "not_stacked")
            : null;
    }

    [GeneratedRegex("^[0-9]{10,30}$")]
    private static partial Regex Account();
}
