using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.Funding;

/// <summary>
/// Payments to persons, written inside the caller's transaction. A partial unique index makes a person payable
/// once per programme and period (a failed payment may be paid again): two runs or two clerks racing for the
/// same period leave one row, and the other gets <see cref="Failure.Duplicate"/>, not an error.
/// </summary>
public static class PaymentLedger
{
    public static readonly string[] Methods = ["bank_transfer", "cash"];

    private const string Columns = "id, budget_line_id, payee_id, programme, period, amount, method, state, reason";

    public static async Task<Outcome<Payment>> RecordAsync(NpgsqlTransaction transaction, Guid? budgetLineId, Guid payeeId, string programme,
        string period, Yuan amount, string method, string recordedBy, CancellationToken cancellationToken)
    {
        if (!Methods.Contains(method))
        {
            return Failure.Field("method", "支付方式为 bank_transfer（银行转账）或 cash（现金） / Unknown payment method.");
        }
        if (amount.Amount <= 0)
        {
            return Failure.Field("amount", "金额应大于0 / The amount is above 0.");
        }
        // ON CONFLICT names the partial index's columns and predicate, so a racing insert waits and then does nothing.
        return await transaction.Command(
                $"""
                insert into payments (id, budget_line_id, payee_id, programme, period, amount, method, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                on conflict (payee_id, programme, period) where state <> 'failed' do nothing
                returning {Columns}
                """, Guid.CreateVersion7(), budgetLineId, payeeId, programme, period, amount.Amount, method, recordedBy)
            .ReadFirstOrDefaultAsync(Read, cancellationToken) is { } payment
            ? payment
            : AlreadyPaid(programme, period);
    }

    /// <summary>
    /// Whether the payee is still to be paid for the period, read before the budget is committed: a payee already
    /// paid is then a duplicate even when the budget is spent. <see cref="RecordAsync"/> still decides a race.
    /// </summary>
    public static async Task<Outcome<bool>> CheckNotPaidAsync(NpgsqlTransaction transaction, Guid payeeId, string programme, string period,
        CancellationToken cancellationToken) =>
        await transaction.Command(
                "select exists (select 1 from payments where payee_id = $1 and programme = $2 and period = $3 and state <> 'failed')",
                payeeId, programme, period).ScalarAsync<bool>(cancellationToken)
            ? AlreadyPaid(programme, period)
            : true;

    private static Failure.Duplicate AlreadyPaid(string programme, string period) =>
        new("该人员本期已支付 / This person is already paid for this programme and period", $"Programme {programme}, period {period}.");

    /// <summary>The bank's answer for a pending payment: paid, or failed with its reason (then payable again).</summary>
    public static async Task<Outcome<Payment>> SettleAsync(NpgsqlTransaction transaction, Guid paymentId, bool paid, string? reason,
        CancellationToken cancellationToken) =>
        await transaction.Command(
                $"""
                update payments set state = $2, reason = $3, updated_at = now() where id = $1 and state = 'pending'
                returning {Columns}
                """, paymentId, paid ? "paid" : "failed", reason)
            .ReadFirstOrDefaultAsync(Read, cancellationToken) is { } payment
            ? payment
            : new Failure.Conflict("只能登记待支付款项的结果 / Only a pending payment takes a result", null, "state");

    /// <summary>Many results at once (a bank's file): each pending payment becomes paid or failed; returns how many were pending.</summary>
    public static Task<int> SettleManyAsync(NpgsqlTransaction transaction, IReadOnlyList<PaymentResult> results, CancellationToken cancellationToken) =>
        transaction.Command(
            """
            update payments p set state = case when r.paid then 'paid' else 'failed' end, reason = r.reason, updated_at = now()
            from unnest($1::uuid[], $2::boolean[], $3::text[]) as r(id, paid, reason)
            where p.id = r.id and p.state = 'pending'
            """, results.Select(r => r.PaymentId).ToArray(), results.Select(r => r.Paid).ToArray(),
            results.Select(r => r.Reason).ToArray()).ExecuteAsync(cancellationToken);

    private static Payment Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Nullable<Guid>("budget_line_id"), reader.Get<Guid>("payee_id"), reader.Get<string>("programme"),
            reader.Get<string>("period"), reader.Get<decimal>("amount"), reader.Get<string>("method"), reader.Get<string>("state"),
            reader.NullableString("reason"));
}
