using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.BuildingBlocks.Funding;

/// <summary>
/// One payment from a budget line in the caller's transaction: the ledger asked first (a payee already paid is a
/// duplicate even when the budget is spent), then the line committed (locked first, as every commitment is,
/// never overspent), then the payment recorded once per payee, programme and period.
/// </summary>
public static class FundedPayments
{
    public static async Task<Outcome<(Payment Payment, BudgetLine Line)>> PayAsync(NpgsqlTransaction transaction, Guid lineId, Guid payeeId,
        string programme, string period, Yuan amount, string method, string by, CancellationToken cancellationToken)
    {
        var unpaid = await PaymentLedger.CheckNotPaidAsync(transaction, payeeId, programme, period, cancellationToken);
        if (!unpaid.Succeeded)
        {
            return unpaid.Failure!;
        }
        var committed = await BudgetLines.CommitAsync(transaction, lineId, amount, priority: true, _ => Task.FromResult(0m), cancellationToken);
        if (!committed.Succeeded)
        {
            return committed.Failure!;
        }
        var payment = await PaymentLedger.RecordAsync(transaction, lineId, payeeId, programme, period, amount, method, by, cancellationToken);
        return payment.Succeeded ? (payment.Value, committed.Value) : payment.Failure!;
    }
}
