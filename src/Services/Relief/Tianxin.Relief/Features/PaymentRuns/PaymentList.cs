using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Enrolments;

namespace Tianxin.Relief.Features.PaymentRuns;

public sealed record PaymentLine(int LineNo, Guid PaymentId, Guid PayeeId, string AccountHolder, string BankAccount, string Month, decimal Amount);

/// <summary>An approved run's list for the bank, with its control totals (line count and sum).</summary>
public sealed record PaymentListFile(PaymentRun Run, IReadOnlyList<PaymentLine> Lines)
{
    public int LineCount => Lines.Count;

    public decimal Total => Lines.Sum(l => l.Amount);
}

/// <summary>
/// The payment list of an approved run, with the accounts decrypted for the bank: reading it is audited by
/// the caller, and the first read marks the run exported. The lines are those the control totals count.
/// </summary>
public sealed class PaymentList(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    public async Task<Outcome<PaymentListFile>> HandleAsync(Guid runId, AreaScope scope, CancellationToken cancellationToken)
    {
        var exported = await dataSource.InTransactionAsync(async transaction =>
        {
            if (await PaymentRun.LockAsync(transaction, runId, scope, cancellationToken) is not { } run)
            {
                return Failure.Missing;
            }
            if (run.State is not ("approved" or "exported" or "closed"))
            {
                return new Failure.Conflict("批次审批后才能导出发放名单 / The payment list is exported once the run is approved", null, "state");
            }
            if (run.State == "approved")
            {
                await transaction.Command("update payment_runs set state = 'exported', exported_at = now(), version = version + 1 where id = $1", runId)
                    .ExecuteAsync(cancellationToken);
            }
            var lines = await transaction.Command(
                    """
                    select l.line_no, l.payment_id, l.person_id, l.month, p.amount, e.bank_account, e.account_holder
                    from payment_run_lines l join payments p on p.id = l.payment_id join enrolments e on e.id = l.enrolment_id
                    where l.run_id = $1 and (l.bank_result is not null or p.state <> 'failed')
                    order by l.line_no
                    """, runId)
                .ReadAllAsync(r => new PaymentLine(r.Get<int>("line_no"), r.Get<Guid>("payment_id"), r.Get<Guid>("person_id"),
                    protector.Decrypt(r.Get<byte[]>("account_holder"), AcceptEnrolment.HolderPurpose),
                    protector.Decrypt(r.Get<byte[]>("bank_account"), AcceptEnrolment.AccountPurpose),
                    r.Get<DateOnly>("month").ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), r.Get<decimal>("amount")),
                    cancellationToken);
            return (Outcome<PaymentListFile>)new PaymentListFile(run, lines);
        }, cancellationToken);
        return exported;
    }
}
