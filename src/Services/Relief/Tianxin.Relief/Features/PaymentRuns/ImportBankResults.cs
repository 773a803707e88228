using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Relief;
using Tianxin.Relief.Features.Enrolments;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <summary>
/// The bank's result for an exported run, from its file or over gRPC alike. The whole result is refused,
/// naming each bad row, when a line is unknown, repeated, of another amount or without a result, or when the
/// control totals do not add up; otherwise every line is settled at once. A failed line is paid again by
/// the next run; a line paid for a month after an enrolment ended becomes a recovery. When no line is left
/// without a result the run is closed.
/// </summary>
public sealed class ImportBankResults(NpgsqlDataSource dataSource, Outbox outbox, SubsidyDiscovery discovery, TimeProvider clock)
{
    public const string RefusedTitle = "银行回盘文件被拒收，未作任何更改 / The bank's result was refused whole; nothing changed";

    private sealed record RunLine(Guid PaymentId, Guid PersonId, Guid EnrolmentId, decimal Amount, string? BankResult, string Month,
        bool EnrolmentEnded);

    public async Task<Outcome<PaymentRun>> HandleAsync(Guid runId, BankResults results, AreaScope scope, CancellationToken cancellationToken)
    {
        var imported = await dataSource.InTransactionAsync(async transaction =>
        {
            if (await PaymentRun.LockAsync(transaction, runId, scope, cancellationToken) is not { } run)
            {
                return Failure.Missing;
            }
            if (run.State != "exported")
            {
                return new Failure.Conflict("只有已导出的批次才能登记银行回盘 / Only an exported run takes the bank's results", null, "state");
            }
            var lines = (await transaction.Command(
                    """
                    select l.payment_id, l.person_id, l.enrolment_id, p.amount, l.bank_result, to_char(l.month, 'YYYY-MM') as month,
                           (e.status = 'ended' and l.month > e.ends_month) as after_end
                    from payment_run_lines l join payments p on p.id = l.payment_id join enrolments e on e.id = l.enrolment_id
                    where l.run_id = $1 and (l.bank_result is not null or p.state <> 'failed')
                    """, runId)
                .ReadAllAsync(r => new RunLine(r.Get<Guid>("payment_id"), r.Get<Guid>("person_id"), r.Get<Guid>("enrolment_id"),
                    r.Get<decimal>("amount"), r.NullableString("bank_result"), r.Get<string>("month"), r.Get<bool>("after_end")), cancellationToken))
                .ToDictionary(l => l.PaymentId);
            var (settled, errors) = Check(results, lines);
            if (errors.Count > 0)
            {
                return Failure.Fields(errors, RefusedTitle);
            }
            var fresh = settled.Where(s => lines[s.PaymentId].BankResult is null).ToList();
            await PaymentLedger.SettleManyAsync(transaction, fresh, cancellationToken);
            await transaction.Command(
                """
                update payment_run_lines l set bank_result = case when r.paid then 'paid' else 'failed' end
                from unnest($2::uuid[], $3::boolean[]) as r(id, paid) where l.run_id = $1 and l.payment_id = r.id
                """, runId, fresh.Select(s => s.PaymentId).ToArray(), fresh.Select(s => s.Paid).ToArray()).ExecuteAsync(cancellationToken);
            var now = clock.GetUtcNow();
            foreach (var result in fresh)
            {
                var line = lines[result.PaymentId];
                await outbox.EnqueueAsync(transaction, new PaymentSettled(result.PaymentId, line.PersonId, run.Subsidy, line.Month, line.Amount,
                    result.Paid ? "paid" : "failed", result.Reason, now), cancellationToken);
            }
            foreach (var enrolment in fresh.Where(s => s.Paid && lines[s.PaymentId].EnrolmentEnded).Select(s => lines[s.PaymentId].EnrolmentId).Distinct())
            {
                await discovery.RecoverPaidAfterEndAsync(transaction, enrolment, cancellationToken);
            }
            await CountAndCloseAsync(transaction, run, cancellationToken);
            return (Outcome<bool>)true;
        }, cancellationToken);
        return imported.Succeeded ? (await PaymentRun.FindAsync(dataSource, runId, scope, cancellationToken))! : imported.Failure!;
    }

    private static (List<PaymentResult> Settled, Dictionary<string, string[]> Errors) Check(BankResults results,
        IReadOnlyDictionary<Guid, RunLine> lines)
    {
        var errors = new Dictionary<string, string[]>();
        var settled = new List<PaymentResult>();
        var seen = new HashSet<Guid>();
        var sum = 0m;
        foreach (var line in results.Lines)
        {
            var row = $"row {line.Row}";
            var amount = Yuan.Parse(line.Amount ?? "", out _);
            sum += amount?.Amount ?? 0m;
            if (!Guid.TryParse(line.PaymentId, out var paymentId) || !lines.TryGetValue(paymentId, out var known))
            {
                errors[row] = [$"第{line.Row}行：本批次没有此付款编号 / Row {line.Row}: not a line of this run."];
                continue;
            }
            if (!seen.Add(paymentId))
            {
                errors[row] = [$"第{line.Row}行：付款编号重复 / Row {line.Row}: this line appears twice."];
                continue;
            }
            if (amount?.Amount != known.Amount)
            {
                errors[row] = [$"第{line.Row}行：金额与发放名单不符（应为{known.Amount:0.00}） / Row {line.Row}: the amount differs from the list ({known.Amount:0.00})."];
                continue;
            }
            bool? paid = line.Result?.ToLowerInvariant() switch { "paid" or "成功" => true, "failed" or "失败" => false, _ => null };
            if (paid is null || (paid is false && string.IsNullOrWhiteSpace(line.Reason)))
            {
                errors[row] = [$"第{line.Row}行：结果应为成功（paid）或失败（failed，须注明原因） / Row {line.Row}: the result is paid, or failed with a reason."];
                continue;
            }
            if (known.BankResult is { } before && before != (paid.Value ? "paid" : "failed"))
            {
                errors[row] = [$"第{line.Row}行：此行已登记为 {before} / Row {line.Row}: this line was already reported {before}."];
                continue;
            }
            settled.Add(new PaymentResult(paymentId, paid.Value, paid.Value ? null : line.Reason!.Trim()));
        }
        if (results.ControlCount is not { } count || Yuan.Parse(results.ControlTotal ?? "", out _) is not { } total)
        {
            errors["control"] = ["缺少合计行（序号为“合计”，含笔数与金额） / The control row (合计, with the count and the sum) is missing."];
        }
        else if (count != results.Lines.Count || total.Amount != sum)
        {
            errors["control"] = [$"合计行与明细不符：明细 {results.Lines.Count} 笔 {sum:0.00} 元 / The control totals differ from the lines: {results.Lines.Count} lines, {sum:0.00} yuan."];
        }
        return (settled, errors);
    }

    private async Task CountAndCloseAsync(NpgsqlTransaction transaction, PaymentRun run, CancellationToken cancellationToken)
    {
        var counted = await transaction.Command(
                """
                update payment_runs r set
                    paid_count = t.paid_count, paid_total = t.paid_total, failed_count = t.failed_count, failed_total = t.failed_total,
                    state = case when t.waiting = 0 then 'closed' else r.state end,
                    closed_at = case when t.waiting = 0 then now() else null end, version = version + 1
                from (select count(*) filter (where l.bank_result = 'paid')::int as paid_count,
                             coalesce(sum(p.amount) filter (where l.bank_result = 'paid'), 0) as paid_total,
                             count(*) filter (where l.bank_result = 'failed')::int as failed_count,
                             coalesce(sum(p.amount) filter (where l.bank_result = 'failed'), 0) as failed_total,
                             count(*) filter (where l.bank_result is null and p.state = 'pending')::int as waiting
                      from payment_run_lines l join payments p on p.id = l.payment_id where l.run_id = $1) t
                where r.id = $1
                returning r.state, r.paid_count, r.paid_total, r.failed_count, r.failed_total
                """, run.Id)
            .ReadAllAsync(r => (State: r.Get<string>("state"), Paid: r.Get<int>("paid_count"), PaidTotal: r.Get<decimal>("paid_total"),
                Failed: r.Get<int>("failed_count"), FailedTotal: r.Get<decimal>("failed_total")), cancellationToken);
        if (counted is [{ State: "closed" } closed])
        {
            await outbox.EnqueueAsync(transaction, new PaymentRunClosed(run.Id, run.Subsidy, run.Month, closed.Paid, closed.PaidTotal, closed.Failed,
                closed.FailedTotal, clock.GetUtcNow()), cancellationToken);
        }
    }
}
