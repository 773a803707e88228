using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Relief;

namespace Tianxin.Relief.Features.Cases;

/// <summary>
/// Grants a case within the programme's budget line (never overspent; what is left kept for registered-poor
/// cases waiting where the programme puts them first) and the person's yearly limit, and records its payment once.
/// </summary>
public sealed class GrantReliefCase(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<ReliefCase>> HandleAsync(Guid id, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        return await dataSource.StepAsync(transaction => ReliefCase.LockAsync(transaction, id, scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Status != "submitted")
            {
                return new Failure.Conflict("只能批准待审批的救助申请 / Only a submitted case can be granted", null, "status");
            }
            var programme = (await ReliefProgramme.FindAsync(dataSource, found.ProgrammeId, cancellationToken))!;
            // Serialises grants to one person in this programme, so two cases cannot both fit under the yearly limit.
            await transaction.Command("select pg_advisory_xact_lock(hashtextextended($1::text || $2::text, 0))", found.PersonId, programme.Id)
                .ExecuteAsync(cancellationToken);
            var already = await transaction.Command(
                    "select coalesce(sum(amount), 0) from relief_cases where person_id = $1 and programme_id = $2 and status = 'granted'",
                    found.PersonId, programme.Id).ScalarAsync<decimal>(cancellationToken);
            if (already + found.Amount > programme.PerPersonYearLimit)
            {
                return new Failure.Conflict("超过每人每年救助上限 / Above the yearly limit per person",
                    $"Granted this year: {already:0.00} yuan; limit: {programme.PerPersonYearLimit:0.00} yuan.", "per_person_year");
            }
            var committed = await BudgetLines.CommitAsync(transaction, programme.Id, Yuan.Of(found.Amount),
                priority: !programme.RegisteredPoorFirst || found.RegisteredPoor,
                waiting => waiting.Command(
                    "select coalesce(sum(amount), 0) from relief_cases where programme_id = $1 and status = 'submitted' and registered_poor and id <> $2",
                    programme.Id, id).ScalarAsync<decimal>(cancellationToken), cancellationToken);
            if (!committed.Succeeded)
            {
                return committed.Failure!;
            }
            var payment = await PaymentLedger.RecordAsync(transaction, programme.Id, found.PersonId, programme.Code, id.ToString(), Yuan.Of(found.Amount),
                found.Method, by, cancellationToken);
            if (!payment.Succeeded)
            {
                return payment.Failure!;
            }
            await transaction.Command(
                "update relief_cases set status = 'granted', payment_id = $2, decided_by = $3, decided_on = $4 where id = $1",
                id, payment.Value.Id, by, today).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new ReliefGranted(id, found.PersonId, programme.Code, programme.Year, found.Amount, found.Method,
                found.ReferredFrom, today, clock.GetUtcNow()), cancellationToken);
            return true;
        }, () => ReliefCase.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }
}
