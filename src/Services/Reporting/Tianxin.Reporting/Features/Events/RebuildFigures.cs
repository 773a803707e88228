using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.Events;

public sealed record RebuildResult(long Events, long Facts, long Persons);

/// <summary>
/// Throws away every fact and person and derives them again from the stored events alone, in one
/// transaction: readers see the old facts until the new ones are complete. Arriving events wait, and so do counts
/// of the district's figures; those are counted again after the commit, and a draft before that counts them itself.
/// </summary>
public sealed class RebuildFigures(NpgsqlDataSource dataSource)
{
    private const int Chunk = 5_000;

    public async Task<RebuildResult> HandleAsync(CancellationToken cancellationToken)
    {
        var rebuilt = await dataSource.InTransactionAsync(async transaction =>
        {
            // Before the truncate: a count waiting for the tables while holding the counting lock would deadlock with it.
            await transaction.Command($"select pg_advisory_xact_lock({DistrictFigures.CountingLock})").ExecuteAsync(cancellationToken);
            await transaction.Command("lock table reported_events in share mode").ExecuteAsync(cancellationToken);
            await transaction.Command("truncate report_facts, report_persons, report_figures, report_figures_stale").ExecuteAsync(cancellationToken);
            long events = 0;
            for (long after = 0; ;)
            {
                var chunk = await transaction.Command(
                        "select seq, message_id, event_type, payload::text from reported_events where seq > $1 order by seq limit $2", after, Chunk)
                    .ReadAllAsync(r => (Seq: r.GetInt64(0), MessageId: r.GetGuid(1), Type: r.GetString(2), Payload: r.GetString(3)), cancellationToken);
                if (chunk.Count == 0)
                {
                    break;
                }
                var read = chunk.Select(e => (e.MessageId, Message: EventStore.Read(e.Type, e.Payload)))
                    .Where(e => e.Message is not null).Select(e => (e.MessageId, e.Message!)).ToList();
                await Projection.ApplyAsync(transaction, read, cancellationToken);
                events += chunk.Count;
                after = chunk[^1].Seq;
            }
            return new RebuildResult(events,
                await transaction.Command("select count(*) from report_facts").ScalarAsync<long>(cancellationToken),
                await transaction.Command("select count(*) from report_persons").ScalarAsync<long>(cancellationToken));
        }, cancellationToken);
        // Counted now, so that the first draft after a rebuild does not wait for a whole year's counting.
        await DistrictFigures.RefreshAllAsync(dataSource, cancellationToken);
        return rebuilt;
    }
}
