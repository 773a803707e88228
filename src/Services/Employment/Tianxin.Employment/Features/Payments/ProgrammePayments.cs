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

/// <param name="NotPaid">Left unpaid after the first refusal (the budget spent, most often).</param>
public sealed record PaidEach(int Paid, int AlreadyPaid, int NotPaid);

/// <summary>
/// Pays from a programme inside the caller's transaction: the budget line committed first (never overspent),
/// then the ledger's one payment per payee, programme and period; a refusal of either rolls the caller back.
/// Grants by staff and care subsidies after a month served both pay this way.
/// </summary>
public sealed class ProgrammePayments(NpgsqlDataSource dataSource, EligibilityCopy copy, Outbox outbox, TimeProvider clock)
{
    /// <summary>
    /// Pays each person once, each in a transaction of their own (district-wide facts). After the first refusal
    /// other than "already paid" (the budget spent, most often) the rest are left unpaid, for a later call.
    /// </summary>
    public async Task<PaidEach> PayEachAsync(PaymentProgramme programme, IReadOnlyList<Guid> persons, string period, Yuan amount, string by,
        CancellationToken cancellationToken)
    {
        var (paid, already, unpaid) = (0, 0, 0);
        foreach (var personId in persons)
        {
            if (unpaid > 0 || await copy.FindAsync(personId, AreaScope.District, cancellationToken) is not { } person)
            {
                unpaid++;
                continue;
            }
            var outcome = await dataSource.InTransactionAsync(
                transaction => PayAsync(transaction, programme, person, period, amount, "bank_transfer", by, cancellationToken), cancellationToken);
            switch (outcome.Failure)
            {
                case null:
                    paid++;
                    break;
                case Failure.Duplicate:
                    already++;
                    break;
                default:
                    unpaid++;
                    break;
            }
        }
        return new PaidEach(paid, already, unpaid);
    }

    public async Task<Outcome<GrantedPayment>> PayAsync(NpgsqlTransaction transaction, PaymentProgramme programme, PersonFacts person, string period,
        Yuan amount, string method, string by, CancellationToken cancellationToken)
    {
        var payee = programme.PeriodKind == "household" ? person.HouseholdId : person.PersonId;
        if (payee is null)
        {
            return Failure.Field("personId", "此人没有登记户籍家庭，不能按户发放 / The person has no household to pay.");
        }
        var committed = await BudgetLines.CommitAsync(transaction, programme.Id, amount, priority: true, _ => Task.FromResult(0m), cancellationToken);
        if (!committed.Succeeded)
        {
            return committed.Failure!;
        }
        var payment = await PaymentLedger.RecordAsync(transaction, programme.Id, payee.Value, programme.Code, period, amount, method, by, cancellationToken);
        if (!payment.Succeeded)
        {
            return payment.Failure!;
        }
        await transaction.Command(
            """
            insert into programme_payments (payment_id, programme_id, person_id, household_id, community_code, paid_on)
            values ($1, $2, $3, $4, $5, $6)
            """, payment.Value.Id, programme.Id, person.PersonId, person.HouseholdId, person.CommunityCode, clock.TodayInChina())
            .ExecuteAsync(cancellationToken);
        await outbox.EnqueueAsync(transaction, new EmploymentPaymentMade(payment.Value.Id, person.PersonId, person.HouseholdId, programme.Code,
            programme.Year, period, amount.Amount, clock.GetUtcNow()), cancellationToken);
        return new GrantedPayment(payment.Value.Id, programme.Id, person.PersonId, payee.Value, period, amount.Amount, method, payment.Value.State,
            committed.Value.Left);
    }
}
