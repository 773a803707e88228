using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>
/// The district's figures of a year, kept in report_figures: before they are read, the partitions (programme and
/// measure) marked stale since the last read are counted again; the others are read as they were counted.
/// </summary>
public static class DistrictFigures
{
    /// <summary>
    /// Held exclusively while counting and shared by every projection of events: a count never runs between the commits
    /// of a fact and of its person's move, when the fact's mark could already be gone and the move could not yet see the fact.
    /// </summary>
    public const string CountingLock = "hashtextextended('report_figures', 0)";

    public static async Task<List<FigureRow>> FindAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken)
    {
        await RefreshAsync(dataSource, year, cancellationToken);
        return await dataSource.Command(
                $"select programme, measure, month, street, facts, people, households, items, amount from report_figures where year = $1 {ProgrammeFigures.Order}",
                year)
            .ReadAllAsync(ProgrammeFigures.Read, cancellationToken);
    }

    /// <summary>Counts the stale partitions of every year that has any; returns how many years were counted.</summary>
    public static async Task<int> RefreshAllAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var years = await dataSource.Command("select distinct year from report_figures_stale").ReadAllAsync(r => r.GetInt32(0), cancellationToken);
        foreach (var year in years)
        {
            await RefreshAsync(dataSource, year, cancellationToken);
        }
        return years.Count;
    }

    /// <summary>
    /// Counts the year's stale partitions again, one count at a time. Only the marks read here are removed: a fact
    /// committed while counting has left a mark of its own, and its partition is counted next time.
    /// </summary>
    public static async Task RefreshAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken)
    {
        if (!await dataSource.Command("select exists (select 1 from report_figures_stale where year = $1)", year).ScalarAsync<bool>(cancellationToken))
        {
            return;
        }
        await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command($"select pg_advisory_xact_lock({CountingLock})").ExecuteAsync(cancellationToken);
            var marks = await transaction.Command("select id, programme, measure from report_figures_stale where year = $1", year)
                .ReadAllAsync(r => (Id: r.GetInt64(0), Programme: r.GetString(1), Measure: r.GetString(2)), cancellationToken);
            var stale = marks.Select(m => (m.Programme, m.Measure)).Distinct().ToList();
            object[] partitions = [year, stale.Select(p => p.Programme).ToArray(), stale.Select(p => p.Measure).ToArray()];
            await transaction.Command(
                    "delete from report_figures where year = $1 and (programme, measure) in (select * from unnest($2::text[], $3::text[]))", partitions)
                .ExecuteAsync(cancellationToken);
            await transaction.Command(
                    $"""
                    insert into report_figures (year, programme, measure, month, street, facts, people, households, items, amount)
                    select $1, * from ({ProgrammeFigures.Counting("(f.programme, f.measure) in (select * from unnest($2::text[], $3::text[]))")}) counted
                    """, partitions)
                .ExecuteAsync(cancellationToken);
            await transaction.Command("delete from report_figures_stale where id = any($1)", marks.Select(m => m.Id).ToArray()).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }
}
