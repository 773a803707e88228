using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.BuildingBlocks.Persistence;

/// <summary>The one way a change runs in a transaction: commit when the work succeeds, roll back otherwise.</summary>
public static class Transactions
{
    public static async Task<T> InTransactionAsync<T>(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task<T>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>A failed outcome rolls back everything the work wrote, so a refusal never leaves half a change.</summary>
    public static async Task<Outcome<T>> InTransactionAsync<T>(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task<Outcome<T>>> work,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var outcome = await work(transaction);
        if (outcome.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        return outcome;
    }

    /// <summary>
    /// A step in a record's life: the record locked (two staff acting at once take turns), the step done on
    /// it in the same transaction, then the record read again as the step left it. A record the lock does
    /// not find (absent, or outside the caller's area) is <see cref="Failure.Missing"/>.
    /// </summary>
    public static async Task<Outcome<T>> StepAsync<T>(this NpgsqlDataSource dataSource, Func<NpgsqlTransaction, Task<T?>> lockRecord,
        Func<NpgsqlTransaction, T, Task<Outcome<bool>>> step, Func<Task<T?>> readAfter, CancellationToken cancellationToken) where T : class
    {
        var done = await dataSource.InTransactionAsync(async transaction =>
            await lockRecord(transaction) is { } record ? await step(transaction, record) : (Outcome<bool>)Failure.Missing, cancellationToken);
        return done.Succeeded ? (await readAfter())! : done.Failure!;
    }
}
