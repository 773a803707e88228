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
}
