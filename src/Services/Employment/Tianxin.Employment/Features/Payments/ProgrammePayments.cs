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

/// <param name="PayeeId">The person, or their household for a household programme.</param>
public sealed record GrantedPayment(Guid PaymentId, Guid ProgrammeId, Guid PersonId, Guid PayeeId, string Period, decimal Amount, string Method,
    string State, decimal BudgetLeft);

/// <summary>
/// Pays from a programme inside the caller's transaction: the budget line committed first (never overspent),
/// then the ledger's one payment per payee, programme and period; a refusal of either rolls the caller back.
/// Grants by staff and care subsidies after a month served both pay this way.
/// </summary>
public sealed class ProgrammePayments(NpgsqlDataSource dataSource, EligibilityCopy copy, Outbox outbox, TimeProvider clock)
{
    /// <summary>Pays each person once, each in a transaction of their own (district-wide facts), until the first refusal other than "already paid".</summary>
    public async Task<PaidEach> PayEachAsync(PaymentProgramme programme, IReadOnlyList<Guid> persons, string period, Yuan amount, string by,
        CancellationToken cancellationToken)
    {
        var facts = new List<PersonFacts?>();
        foreach (var personId in persons)
        {
            facts.Add(await copy.FindAsync(personId, AreaScope.District, cancellationToken));
        }
        return await PayEach.RunAsync(dataSource, facts, async (transaction, person) => person is null
            ? new Failure.NotFound("本服务尚无此残疾人的资格信息 / No eligibility facts for this person here")
            : (await PayAsync(transaction, programme, person, period, amount, "bank_transfer", by, cancellationToken)).Map(_ => true), cancellationToken);
    }

    public async Task<Outcome<GrantedPayment>> PayAsync(NpgsqlTransaction transaction, PaymentProgramme programme, PersonFacts person, string period,
        Yuan amount, string method, string by, CancellationToken cancellationToken)
    {
        var payee = programme.PeriodKind == "household" ? person.HouseholdId : person.PersonId;
        if (payee is null)
        {
            return Failure.Field("personId", "此人没有登记户籍家庭，不能按户发放 / The person has no household to pay.");
        }
        var paid = await FundedPayments.PayAsync(transaction, programme.Id, payee.Value, programme.Code, period, amount, method, by, cancellationToken);
        if (!paid.Succeeded)
        {
            return paid.Failure!;
        }
        var (payment, line) = paid.Value;
        await transaction.Command(
            """
            insert into programme_payments (payment_id, programme_id, person_id, household_id, community_code, paid_on)
            values ($1, $2, $3, $4, $5, $6)
            """, payment.Id, programme.Id, person.PersonId, person.HouseholdId, person.CommunityCode, clock.TodayInChina())
            .ExecuteAsync(cancellationToken);
        await outbox.EnqueueAsync(transaction, new EmploymentPaymentMade(payment.Id, person.PersonId, person.HouseholdId, programme.Code,
            programme.Year, period, amount.Amount, clock.GetUtcNow()), cancellationToken);
        return new GrantedPayment(payment.Id, programme.Id, person.PersonId, payee.Value, period, amount.Amount, method, payment.State,
            line.Left);
    }
}
