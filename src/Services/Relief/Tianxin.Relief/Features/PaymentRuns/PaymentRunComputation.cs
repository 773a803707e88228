using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <summary>
/// Computes a run's lines in batches of enrolments, each batch one transaction: for every enrolment approved
/// before the cut-off, each month from its start to the run's month (or its end) that has no payment that
/// has not failed becomes a pending payment in the ledger and a line of the run. Arrears and failed lines
/// of earlier runs are thus paid again, and the ledger's unique index pays a person once per subsidy and
/// month: a batch retried after a crash, or a second run racing for the same month, adds nothing twice.
/// Two computers of one run (the worker and a retry) wait for each other's batch on the run's row and go on
/// from its cursor.
/// </summary>
public sealed class PaymentRunComputation(NpgsqlDataSource dataSource)
{
    public const int BatchSize = 5_000;

    /// <returns>False when the run has no more enrolments to go through (it is then a draft), or is not computing.</returns>
    public async Task<bool> ComputeBatchAsync(Guid runId, int batchSize, CancellationToken cancellationToken) =>
        await dataSource.InTransactionAsync(async transaction =>
        {
            var run = await transaction.Command(
                    """
                    select subsidy, month, area_code, cut_off, cursor_id, created_by from payment_runs
                    where id = $1 and state = 'computing' for update
                    """, runId)
                .ReadAllAsync(r => (Subsidy: r.Get<string>("subsidy"), Month: r.Get<DateOnly>("month"),
                    Area: r.Get<string>("area_code") + "%", CutOff: r.Get<DateTimeOffset>("cut_off"), Cursor: r.Nullable<Guid>("cursor_id")),
                    cancellationToken);
            if (run is not [var found])
            {
                return false;
            }
            var batch = await transaction.Command(
                    """
                    select id from enrolments
                    where subsidy = $1 and status in ('approved', 'ended') and approved_at <= $2 and community_code like $3 and starts_month <= $4
                      and ($5::uuid is null or id > $5)
                    order by id limit $6
                    """, found.Subsidy, found.CutOff, found.Area, found.Month, found.Cursor, batchSize)
                .ReadAllAsync(r => r.Get<Guid>("id"), cancellationToken);
            if (batch.Count == 0)
            {
                await FinishAsync(transaction, runId, cancellationToken);
                return false;
            }
            await transaction.Command(
                """
                with due as (
                    select distinct on (e.person_id, m.month) e.id as enrolment_id, e.person_id, m.month, r.monthly_amount
                    from enrolments e
                    cross join lateral (
                        select d::date as month from generate_series(e.starts_month, least($3::date, coalesce(e.ends_month, $3::date)), interval '1 month') d
                    ) m
                    join subsidy_rules r on r.subsidy = e.subsidy and r.year = extract(year from m.month)::int
                    where e.id = any($2)
                    order by e.person_id, m.month, e.id
                ),
                paid as (
                    insert into payments (id, payee_id, programme, period, amount, method, recorded_by)
                    select gen_random_uuid(), person_id, $4, to_char(month, 'YYYY-MM'), monthly_amount, 'bank_transfer', 'run:' || $1::text
                    from due
                    on conflict (payee_id, programme, period) where state <> 'failed' do nothing
                    returning id, payee_id, period
                )
                insert into payment_run_lines (run_id, line_no, payment_id, person_id, enrolment_id, month)
                select $1, (select coalesce(max(line_no), 0) from payment_run_lines where run_id = $1) + row_number() over (order by p.payee_id, p.period),
                       p.id, p.payee_id, d.enrolment_id, d.month
                from paid p join due d on d.person_id = p.payee_id and to_char(d.month, 'YYYY-MM') = p.period
                """, runId, batch.ToArray(), found.Month, found.Subsidy).ExecuteAsync(cancellationToken);
            await transaction.Command("update payment_runs set cursor_id = $2, computed = computed + $3 where id = $1",
                runId, batch[^1], batch.Count).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);

    /// <summary>Until it is a draft: what the worker runs, and what a retry after a crash runs again.</summary>
    public async Task ComputeAsync(Guid runId, CancellationToken cancellationToken)
    {
        while (await ComputeBatchAsync(runId, BatchSize, cancellationToken))
        {
        }
    }

    private static Task FinishAsync(NpgsqlTransaction transaction, Guid runId, CancellationToken cancellationToken) =>
        transaction.Command(
            """
            update payment_runs r set state = 'draft', version = version + 1,
                line_count = t.lines, total = t.total
            from (select count(*)::int as lines, coalesce(sum(p.amount), 0) as total
                  from payment_run_lines l join payments p on p.id = l.payment_id
                  where l.run_id = $1 and p.state <> 'failed') t
            where r.id = $1
            """, runId).ExecuteAsync(cancellationToken);
}
