using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.Funding;

/// <summary>
/// Yearly budget lines, changed only inside the caller's transaction. Every commitment locks its line first,
/// so concurrent grants queue on that row and the last yuan is never granted twice; the table's CHECK
/// (committed ≤ budget) backs it.
/// </summary>
public static class BudgetLines
{
    private const string Columns = "id, programme, year, budget, committed, spent";

    /// <returns>False when the programme already has a line for that year.</returns>
    public static async Task<bool> OpenAsync(NpgsqlTransaction transaction, Guid id, string programme, int year, Yuan budget, string openedBy,
        CancellationToken cancellationToken) =>
        await transaction.Command(
            """
            insert into budget_lines (id, programme, year, budget, updated_by) values ($1, $2, $3, $4, $5)
            on conflict do nothing
            """, id, programme, year, budget.Amount, openedBy).ExecuteAsync(cancellationToken) == 1;

    public static Task<BudgetLine?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from budget_lines where id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>
    /// Grants <paramref name="amount"/> from the line. When the claim is not a priority one (registered-poor
    /// applicants are), what would be left must still cover <paramref name="priorityWaiting"/>: the priority
    /// claims still waiting, counted after the line is locked so that concurrent grants see each other.
    /// </summary>
    public static async Task<Outcome<BudgetLine>> CommitAsync(NpgsqlTransaction transaction, Guid lineId, Yuan amount, bool priority,
        Func<NpgsqlTransaction, Task<decimal>> priorityWaiting, CancellationToken cancellationToken)
    {
        if (await LockAsync(transaction, lineId, cancellationToken) is not { } line)
        {
            return new Failure.NotFound("没有此预算 / No such budget line");
        }
        if (amount.Amount > line.Left)
        {
            return new Failure.Conflict("项目预算不足 / The programme's budget is not enough",
                $"Left: {line.Left:0.00} yuan; this case: {amount.ToPlain()} yuan.", "budget");
        }
        if (!priority && line.Left - amount.Amount < await priorityWaiting(transaction))
        {
            return new Failure.Conflict("预算优先保障建档立卡贫困户 / What is left is kept for registered-poor applicants waiting",
                $"Left: {line.Left:0.00} yuan.", "priority");
        }
        return await UpdateAsync(transaction, "committed = committed + $2", cancellationToken, lineId, amount.Amount);
    }

    /// <summary>A grant ends: what was spent of it stays committed and counts as spent; the rest returns to the line.</summary>
    public static Task<Outcome<BudgetLine>> SettleAsync(NpgsqlTransaction transaction, Guid lineId, Yuan granted, Yuan spent,
        CancellationToken cancellationToken) =>
        spent > granted
            ? Task.FromResult<Outcome<BudgetLine>>(new Failure.Conflict("实际费用不能超过批准金额 / More than was granted", null, "spent"))
            : UpdateAsync(transaction, "committed = committed - $2 + $3, spent = spent + $3", cancellationToken, lineId, granted.Amount, spent.Amount);

    /// <summary>A new budget (and the programme's code and year, when those change) for the line; never below what is already committed.</summary>
    public static async Task<Outcome<BudgetLine>> RestateAsync(NpgsqlTransaction transaction, Guid lineId, string programme, int year, Yuan budget,
        string changedBy, CancellationToken cancellationToken)
    {
        if (await LockAsync(transaction, lineId, cancellationToken) is not { } line)
        {
            return new Failure.NotFound("没有此预算 / No such budget line");
        }
        if (budget.Amount < line.Committed)
        {
            return new Failure.Conflict("预算不能低于已批准金额 / The budget cannot fall below what is already committed",
                $"Committed: {line.Committed:0.00} yuan.", "budget");
        }
        return (await transaction.Command(
                $"""
                update budget_lines set budget = $2, programme = $3, year = $4, updated_by = $5, updated_at = now() where id = $1
                returning {Columns}
                """, lineId, budget.Amount, programme, year, changedBy).ReadFirstOrDefaultAsync(Read, cancellationToken))!;
    }

    private static Task<BudgetLine?> LockAsync(NpgsqlTransaction transaction, Guid lineId, CancellationToken cancellationToken) =>
        transaction.Command($"select {Columns} from budget_lines where id = $1 for update", lineId).ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <param name="values">The line's id first ($1), then the amounts the SET clause names.</param>
    private static async Task<Outcome<BudgetLine>> UpdateAsync(NpgsqlTransaction transaction, string set, CancellationToken cancellationToken,
        params object?[] values) =>
        await transaction.Command($"update budget_lines set {set}, updated_at = now() where id = $1 returning {Columns}", values)
            .ReadFirstOrDefaultAsync(Read, cancellationToken) is { } line
            ? line
            : new Failure.NotFound("没有此预算 / No such budget line");

    private static BudgetLine Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("programme"), reader.Get<int>("year"), reader.Get<decimal>("budget"),
            reader.Get<decimal>("committed"), reader.Get<decimal>("spent"));
}
