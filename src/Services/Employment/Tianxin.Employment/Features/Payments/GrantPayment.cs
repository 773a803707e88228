using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Payments;

/// <param name="Period">For a monthly programme the month ("2026-03"); otherwise the programme's year, which is the default.</param>
/// <param name="Method">bank_transfer (default) or cash.</param>
public sealed record GrantRequest(Guid? PersonId, string? Period, decimal? Amount, string? Method);

/// <summary>
/// One payment to a certificate holder of the caller's area within the programme's budget (never overspent)
/// and once per person (or household), programme and period: the Funding ledger's rules, in one transaction.
/// </summary>
public sealed class GrantPayment(NpgsqlDataSource dataSource, EligibilityCopy copy, ProgrammePayments payments)
{
    private const string InvalidTitle = "补贴发放信息有误 / The payment has errors";

    public async Task<Outcome<GrantedPayment>> HandleAsync(Guid programmeId, GrantRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        if (await PaymentProgramme.FindAsync(dataSource, programmeId, cancellationToken) is not { } programme)
        {
            return new Failure.NotFound("没有此补贴项目 / No such programme");
        }
        var errors = new Dictionary<string, string[]>();
        if (request.PersonId is null || request.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        var amount = Yuan.Check(request.Amount, "amount", errors, programme.MaxAmount, positive: true);
        var period = Period(programme, request.Period, errors);
        var method = request.Method ?? "bank_transfer";
        if (!PaymentLedger.Methods.Contains(method))
        {
            errors["method"] = ["支付方式为 bank_transfer（银行转账）或 cash（现金） / bank_transfer or cash."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await copy.FindAsync(request.PersonId!.Value, scope, cancellationToken) is not { Status: "active", Grade: not null } person)
        {
            return new Failure.NotFound("本辖区没有此持证残疾人 / No such certificate holder in your area");
        }
        return await dataSource.InTransactionAsync(
            transaction => payments.PayAsync(transaction, programme, person, period!, amount!.Value, method, by, cancellationToken), cancellationToken);
    }

    private static string? Period(PaymentProgramme programme, string? requested, Dictionary<string, string[]> errors)
    {
        var year = programme.Year.ToString(CultureInfo.InvariantCulture);
        if (programme.PeriodKind != "month")
        {
            if (requested is null || requested == year)
            {
                return year;
            }
            errors["period"] = [$"该项目按年发放，期间为 {year} / This programme pays once a year: the period is {year}."];
            return null;
        }
        if (DateOnly.TryParseExact($"{requested}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year == programme.Year)
        {
            return requested;
        }
        errors["period"] = [$"该项目按月发放，期间为 {year}-01 至 {year}-12 / A month of {year} (yyyy-MM)."];
        return null;
    }
}
