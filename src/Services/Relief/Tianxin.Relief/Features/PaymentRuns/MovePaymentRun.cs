using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Relief;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <summary>A run's steps after its draft: submit, approve (district), compute the draft again, or cancel before approval.</summary>
public sealed class MovePaymentRun(NpgsqlDataSource dataSource, Outbox outbox, PaymentRunSignal signal, TimeProvider clock)
{
    public Task<Outcome<PaymentRun>> SubmitAsync(Guid id, AreaScope scope, string by, CancellationToken cancellationToken) =>
        MoveAsync(id, scope, ["draft"], "submitted", "submitted_by = $3", by, null, cancellationToken);

    public Task<Outcome<PaymentRun>> ApproveAsync(Guid id, AreaScope scope, string by, CancellationToken cancellationToken) =>
        MoveAsync(id, scope, ["submitted"], "approved", "approved_by = $3", by, async (transaction, run) =>
        {
            // The control totals are fixed now, without lines that failed since the draft (an enrolment that ended).
            var (lines, total) = (await transaction.Command(
                    """
                    update payment_runs r set line_count = t.lines, total = t.total
                    from (select count(*)::int as lines, coalesce(sum(p.amount), 0) as total
                          from payment_run_lines l join payments p on p.id = l.payment_id
                          where l.run_id = $1 and p.state <> 'failed') t
                    where r.id = $1 returning r.line_count, r.total
                    """, run.Id)
                .ReadAllAsync(r => (r.Get<int>("line_count"), r.Get<decimal>("total")), cancellationToken)).Single();
            await outbox.EnqueueAsync(transaction, new PaymentRunApproved(run.Id, run.Subsidy, run.Month, lines, total, clock.GetUtcNow()),
                cancellationToken);
        }, cancellationToken);

    /// <summary>The draft again, with the cut-off now: lines already there stay, newly approved enrolments are added.</summary>
    public async Task<Outcome<PaymentRun>> RecomputeAsync(Guid id, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var moved = await MoveAsync(id, scope, ["draft"], "computing", "cut_off = now(), cursor_id = null, computed = 0", by, null,
            cancellationToken);
        signal.Wake();
        return moved;
    }

    /// <summary>Its pending payments fail, so that another run of the month may pay them.</summary>
    public Task<Outcome<PaymentRun>> CancelAsync(Guid id, AreaScope scope, string by, CancellationToken cancellationToken) =>
        MoveAsync(id, scope, ["draft", "submitted"], "cancelled", "closed_at = now()", by, (transaction, run) =>
            transaction.Command(
                """
                update payments set state = 'failed', reason = '批次已取消 / The run was cancelled', updated_at = now()
                where state = 'pending' and id in (select payment_id from payment_run_lines where run_id = $1)
                """, run.Id).ExecuteAsync(cancellationToken), cancellationToken);

    private async Task<Outcome<PaymentRun>> MoveAsync(Guid id, AreaScope scope, string[] from, string to, string set, string by,
        Func<NpgsqlTransaction, PaymentRun, Task>? then, CancellationToken cancellationToken)
    {
        return await dataSource.StepAsync(transaction => PaymentRun.LockAsync(transaction, id, scope, cancellationToken), async (transaction, run) =>
        {
            if (!from.Contains(run.State))
            {
                return new Failure.Conflict($"批次当前为 {run.State}，不能执行此操作 / The run is {run.State}",
                    $"This step needs a run that is {string.Join(" or ", from)}.", "state");
            }
            await transaction.Command($"update payment_runs set state = $2, updated_by = $3, {set}, version = version + 1 where id = $1", id, to, by)
                .ExecuteAsync(cancellationToken);
            if (then is not null)
            {
                await then(transaction, run);
            }
            return true;
        }, () => PaymentRun.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }
}
