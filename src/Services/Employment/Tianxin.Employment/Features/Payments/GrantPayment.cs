using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Employment;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Payments;

/// <param name="Period">For a monthly programme the month ("2026-03"); otherwise the programme's year, which is the default.</param>
/// <param name="Method">bank_transfer (default) or cash.</param>
public sealed record GrantRequest(Guid? PersonId, string? Period, decimal? Amount, string? Method);

/// <param name="PayeeId">The person, or their household for a household programme.</param>
public sealed record GrantedPayment(Guid PaymentId, Guid ProgrammeId, Guid PersonId, Guid PayeeId, string Period, decimal Amount, string Method,
    string State, decimal BudgetLeft);

/// <summary>
/// One payment to a certificate holder of the caller's area within the programme's budget (never overspent)
/// and once per person (or household), programme and period: the Funding ledger's rules, in one transaction.
/// </summary>
public sealed class GrantPayment(NpgsqlDataSource dataSource, EligibilityCopy copy, Outbox outbox, TimeProvider clock)
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
        var payee = programme.PeriodKind == "household" ? person.HouseholdId : person.PersonId;
        if (payee is null)
        {
            return Failure.Field("personId", "此人没有登记户籍家庭，不能按户发放 / The person has no household to pay.", InvalidTitle);
        }
        var today = clock.TodayInChina();
        return await dataSource.InTransactionAsync(async transaction =>
        {
            var committed = await BudgetLines.CommitAsync(transaction, programme.Id, amount!.Value, priority: true, _ => Task.FromResult(0m),
                cancellationToken);
            if (!committed.Succeeded)
            {
                return (Outcome<GrantedPayment>)committed.Failure!;
            }
            var payment = await PaymentLedger.RecordAsync(transaction, programme.Id, payee.Value, programme.Code, period!, amount.Value, method, by,
                cancellationToken);
            if (!payment.Succeeded)
            {
                return payment.Failure!;
            }
            await transaction.Command(
                """
                insert into programme_payments (payment_id, programme_id, person_id, household_id, community_code, paid_on)
                values ($1, $2, $3, $4, $5, $6)
                """, payment.Value.Id, programme.Id, person.PersonId, person.HouseholdId, person.CommunityCode, today).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new EmploymentPaymentMade(payment.Value.Id, person.PersonId, person.HouseholdId, programme.Code,
                programme.Year, period!, amount.Value.Amount, clock.GetUtcNow()), cancellationToken);
            return new GrantedPayment(payment.Value.Id, programme.Id, person.PersonId, payee.Value, period!, amount.Value.Amount, method,
                payment.Value.State, committed.Value.Left);
        }, cancellationToken);
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
