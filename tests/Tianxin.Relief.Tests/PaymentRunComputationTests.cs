using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Tests;

/// <summary>Monthly runs against a real PostgreSQL: each person is paid at most once per subsidy and month, whatever races or crashes.</summary>
[Collection(ReliefDatabaseCollection.Name)]
public sealed class PaymentRunComputationTests(ReliefDatabase database)
{
    private static readonly string[] Communities = ["430103001001", "430103001002", "430103002001"];
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task Two_runs_of_overlapping_areas_computed_at_once_pay_each_person_once_per_month()
    {
        await using var dataSource = await database.NewAsync();
        await EnrolAsync(dataSource, 300, new DateOnly(2024, 1, 1));
        var district = await StartAsync(dataSource, "2024-03", "430103");
        var street = await StartAsync(dataSource, "2024-03", "430103001");

        await Task.WhenAll(Task.Run(() => ComputeAllAsync(dataSource, district, 40)), Task.Run(() => ComputeAllAsync(dataSource, street, 40)));

        Assert.Equal(0L, await CountAsync(dataSource,
            "select count(*) from (select payee_id, period from payments where state <> 'failed' group by payee_id, period having count(*) > 1) d"));
        Assert.Equal(300L * 3, await CountAsync(dataSource, "select count(*) from payments"));
        Assert.Equal(300L * 3, await CountAsync(dataSource, "select count(*) from payment_run_lines"));
        Assert.Equal(2L, await CountAsync(dataSource, "select count(*) from payment_runs where state = 'draft'"));
    }

    [Fact]
    public async Task A_run_killed_half_way_and_retried_pays_each_person_once_and_numbers_its_lines_without_gaps()
    {
        await using var dataSource = await database.NewAsync();
        await EnrolAsync(dataSource, 250, new DateOnly(2024, 2, 1));
        var run = await StartAsync(dataSource, "2024-03", "430103");
        var computation = new PaymentRunComputation(dataSource);
        Assert.True(await computation.ComputeBatchAsync(run, 60, CancellationToken.None));
        Assert.True(await computation.ComputeBatchAsync(run, 60, CancellationToken.None));
        using (var killed = new CancellationTokenSource())
        {
            await killed.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => computation.ComputeBatchAsync(run, 60, killed.Token));
        }
        var halfWay = await CountAsync(dataSource, "select computed from payment_runs");

        await new PaymentRunComputation(dataSource).ComputeAsync(run, CancellationToken.None);

        Assert.Equal(120L, halfWay);
        Assert.Equal(250L * 2, await CountAsync(dataSource, "select count(*) from payments"));
        Assert.Equal(250L * 2, await CountAsync(dataSource, "select count(distinct (payee_id, period)) from payments"));
        Assert.Equal((250L * 2, 250L * 2), (await CountAsync(dataSource, "select max(line_no) from payment_run_lines"),
            await CountAsync(dataSource, "select count(distinct line_no) from payment_run_lines")));
        Assert.Equal((500L, 500L * 110), (await CountAsync(dataSource, "select line_count from payment_runs"),
            await CountAsync(dataSource, "select total::bigint from payment_runs")));
    }

    [Fact]
    public async Task Computing_a_draft_again_gives_the_same_lines_and_a_failed_line_is_paid_by_the_next_month()
    {
        await using var dataSource = await database.NewAsync();
        await EnrolAsync(dataSource, 20, new DateOnly(2024, 5, 1));
        var may = await StartAsync(dataSource, "2024-05", "430103");
        await ComputeAllAsync(dataSource, may, 7);
        var before = await LinesAsync(dataSource, may);
        var move = new MovePaymentRun(dataSource, new BuildingBlocks.Messaging.Outbox(), new PaymentRunSignal(), Clock);
        await move.RecomputeAsync(may, AreaScope.District, "test", CancellationToken.None);
        await ComputeAllAsync(dataSource, may, 7);
        var again = await LinesAsync(dataSource, may);
        var failed = before[0];
        await dataSource.InTransactionAsync(t => PaymentLedger.SettleManyAsync(t, [new PaymentResult(failed.Payment, false, "账户已销户")],
            CancellationToken.None), CancellationToken.None);
        var june = await StartAsync(dataSource, "2024-06", "430103");
        await ComputeAllAsync(dataSource, june, 7);
        var juneLines = await LinesAsync(dataSource, june);

        Assert.Equal(before, again);
        Assert.Equal(21, juneLines.Count);
        Assert.Single(juneLines, l => l.Person == failed.Person && l.Month == new DateOnly(2024, 5, 1));
    }

    private static async Task EnrolAsync(NpgsqlDataSource dataSource, int persons, DateOnly startsMonth)
    {
        await dataSource.Command(
            """
            insert into subsidy_rules (subsidy, year, monthly_amount, grades, updated_by) values ('care_subsidy', $1, 110.00, '{1,2}', 'test')
            on conflict do nothing
            """, startsMonth.Year).ExecuteAsync(CancellationToken.None);
        await dataSource.Command(
            """
            insert into enrolments (id, person_id, subsidy, community_code, status, matched_rule, proposed_from, starts_month, approved_at)
            select gen_random_uuid(), gen_random_uuid(), 'care_subsidy', ($2::text[])[1 + n % 3], 'approved', 'test', 'test', $3, now() - interval '1 day'
            from generate_series(1, $1) n
            """, persons, Communities, startsMonth).ExecuteAsync(CancellationToken.None);
    }

    private static async Task<Guid> StartAsync(NpgsqlDataSource dataSource, string month, string area)
    {
        var started = await new StartPaymentRun(dataSource, new PaymentRunSignal(), Clock)
            .HandleAsync(new StartPaymentRunRequest(TwoSubsidies.Care, month, area), AreaScope.District, "test", CancellationToken.None);
        Assert.True(started.Succeeded, started.Failure?.Title);
        return started.Value.Id;
    }

    private static async Task ComputeAllAsync(NpgsqlDataSource dataSource, Guid run, int batchSize)
    {
        var computation = new PaymentRunComputation(dataSource);
        while (await computation.ComputeBatchAsync(run, batchSize, CancellationToken.None))
        {
        }
    }

    private static Task<List<(Guid Person, DateOnly Month, Guid Payment)>> LinesAsync(NpgsqlDataSource dataSource, Guid run) =>
        dataSource.Command("select person_id, month, payment_id from payment_run_lines where run_id = $1 order by line_no", run)
            .ReadAllAsync(r => (r.Get<Guid>("person_id"), r.Get<DateOnly>("month"), r.Get<Guid>("payment_id")), CancellationToken.None);

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql) =>
        Convert.ToInt64(await dataSource.Command(sql).ScalarAsync<object>(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
}
