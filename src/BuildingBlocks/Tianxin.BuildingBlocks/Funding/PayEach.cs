using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.Funding;

/// <param name="AlreadyPaid">The ledger already held their payment for the period (an earlier call).</param>
/// <param name="NotPaid">Left unpaid after the first refusal (the budget spent, most often), for a later call.</param>
public sealed record PaidEach(int Paid, int AlreadyPaid, int NotPaid);

/// <summary>
/// Pays a list of payees one transaction each, in the order given (priority first): a payee the ledger has
/// already paid is skipped, and after the first other refusal the rest are left for a later call, so that a
/// budget running out leaves a clean cut and calling again pays only those still unpaid.
/// </summary>
public static class PayEach
{
    public static async Task<PaidEach> RunAsync<T>(NpgsqlDataSource dataSource, IEnumerable<T> payees,
        Func<NpgsqlTransaction, T, Task<Outcome<bool>>> pay, CancellationToken cancellationToken)
    {
        var (paid, already, unpaid) = (0, 0, 0);
        foreach (var payee in payees)
        {
            if (unpaid > 0)
            {
                unpaid++;
                continue;
            }
            var outcome = await dataSource.InTransactionAsync(transaction => pay(transaction, payee), cancellationToken);
            switch (outcome.Failure)
            {
                case null:
                    paid++;
                    break;
                case Failure.Duplicate:
                    already++;
                    break;
                default:
                    unpaid++;
                    break;
            }
        }
        return new PaidEach(paid, already, unpaid);
    }
}
