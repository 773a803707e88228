using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Enrolments;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Tests;

/// <summary>The bank's results against a real PostgreSQL: refused whole when anything is off, otherwise settled, carried and closed.</summary>
[Collection(ReliefDatabaseCollection.Name)]
public sealed class ImportBankResultsTests(ReliefDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly AreaScope District = AreaScope.District;

    [Fact]
    public async Task A_wrong_control_total_an_unknown_line_or_a_line_twice_is_refused_whole_naming_the_row()
    {
        await using var dataSource = await database.NewAsync();
        var (run, lines) = await ExportedRunAsync(dataSource, persons: 3);
        var import = Importer(dataSource);
        BankResultLine Paid(int row, (Guid Payment, decimal Amount) line) => new(row, line.Payment.ToString(), line.Amount.ToString("0.00"), "paid", null);

        var wrongTotal = await import.HandleAsync(run, new BankResults([Paid(2, lines[0]), Paid(3, lines[1])], 2, "330.00"), District, default);
        var unknown = await import.HandleAsync(run,
            new BankResults([Paid(2, lines[0]), new BankResultLine(3, Guid.NewGuid().ToString(), "110.00", "paid", null)], 2, "220.00"), District, default);
        var twice = await import.HandleAsync(run, new BankResults([Paid(2, lines[0]), Paid(3, lines[0])], 2, "220.00"), District, default);
        var noReason = await import.HandleAsync(run,
            new BankResults([new BankResultLine(2, lines[0].Payment.ToString(), "110.00", "failed", " ")], 1, "110.00"), District, default);

        Assert.Contains("control", Errors(wrongTotal).Keys);
        Assert.Equal(["row 3"], Errors(unknown).Keys);
        Assert.Equal(["row 3"], Errors(twice).Keys);
        Assert.Equal(["row 2"], Errors(noReason).Keys);
        Assert.Equal(3L, await CountAsync(dataSource, "select count(*) from payments where state = 'pending'"));
        Assert.Equal("exported", await dataSource.Command("select state from payment_runs where id = $1", run).ScalarAsync<string>(default));
    }

    [Fact]
    public async Task Results_in_two_files_close_the_run_and_a_failed_line_goes_into_the_next_months_run()
    {
        await using var dataSource = await database.NewAsync();
        var (run, lines) = await ExportedRunAsync(dataSource, persons: 3);
        var import = Importer(dataSource);

        var first = await import.HandleAsync(run, new BankResults(
            [new BankResultLine(2, lines[0].Payment.ToString(), "110", "成功", null), new BankResultLine(3, lines[1].Payment.ToString(), "110.00", "失败", "账户已冻结")],
            2, "220"), District, default);
        var second = await import.HandleAsync(run, new BankResults(
            [new BankResultLine(2, lines[2].Payment.ToString(), "110.00", "paid", null)], 1, "110.00"), District, default);
        var next = await new StartPaymentRun(dataSource, new PaymentRunSignal(), Clock)
            .HandleAsync(new StartPaymentRunRequest(TwoSubsidies.Care, "2024-04", null), District, "test", default);
        await new PaymentRunComputation(dataSource).ComputeAsync(next.Value.Id, default);

        Assert.Equal(("exported", 1, 1), (first.Value.State, first.Value.PaidCount, first.Value.FailedCount));
        Assert.Equal(("closed", 2, 220m, 1, 110m), (second.Value.State, second.Value.PaidCount, second.Value.PaidTotal, second.Value.FailedCount,
            second.Value.FailedTotal));
        Assert.Equal(1L, await CountAsync(dataSource, "select count(*) from outbox_messages where message_type like '%PaymentRunClosed%'"));
        Assert.Equal(3L + 1, await CountAsync(dataSource, $"select count(*) from payment_run_lines where run_id = '{next.Value.Id}'"));
        Assert.Equal(1L, await CountAsync(dataSource,
            $"select count(*) from payment_run_lines l join payment_run_lines f on f.person_id = l.person_id and f.month = l.month where l.run_id = '{next.Value.Id}' and f.payment_id = '{lines[1].Payment}'"));
    }

    [Fact]
    public async Task A_month_paid_after_the_enrolment_ended_becomes_one_recovery()
    {
        await using var dataSource = await database.NewAsync();
        var (run, lines) = await ExportedRunAsync(dataSource, persons: 1);
        var person = await dataSource.Command("select person_id from enrolments").ScalarAsync<Guid>(default);
        await dataSource.InTransactionAsync(async t =>
        {
            await new SubsidyDiscovery(new Outbox(), Clock).EndAsync(t, person, TwoSubsidies.Care, new DateOnly(2024, 2, 20), "deceased", default);
            return true;
        }, default);

        await Importer(dataSource).HandleAsync(run, new BankResults(
            [new BankResultLine(2, lines[0].Payment.ToString(), "110.00", "paid", null)], 1, "110.00"), District, default);
        var next = await new StartPaymentRun(dataSource, new PaymentRunSignal(), Clock)
            .HandleAsync(new StartPaymentRunRequest(TwoSubsidies.Care, "2024-04", null), District, "test", default);
        await new PaymentRunComputation(dataSource).ComputeAsync(next.Value.Id, default);

        Assert.Equal((1L, 110L), (await CountAsync(dataSource, "select count(*) from recoveries where month = '2024-03-01'"),
            await CountAsync(dataSource, "select sum(amount)::bigint from recoveries")));
        Assert.Equal(0L, await CountAsync(dataSource, $"select count(*) from payment_run_lines where run_id = '{next.Value.Id}'"));
    }

    /// <summary>An approved, exported March 2024 run with one line per person (all enrolled from March).</summary>
    private static async Task<(Guid Run, List<(Guid Payment, decimal Amount)> Lines)> ExportedRunAsync(NpgsqlDataSource dataSource, int persons)
    {
        await dataSource.Command(
            "insert into subsidy_rules (subsidy, year, monthly_amount, grades, updated_by) values ('care_subsidy', 2024, 110.00, '{1,2}', 'test')")
            .ExecuteAsync(default);
        await dataSource.Command(
            """
            insert into enrolments (id, person_id, subsidy, community_code, status, matched_rule, proposed_from, starts_month, approved_at)
            select gen_random_uuid(), gen_random_uuid(), 'care_subsidy', '430103001001', 'approved', 'test', 'test', '2024-03-01', now() - interval '1 day'
            from generate_series(1, $1)
            """, persons).ExecuteAsync(default);
        var started = await new StartPaymentRun(dataSource, new PaymentRunSignal(), Clock)
            .HandleAsync(new StartPaymentRunRequest(TwoSubsidies.Care, "2024-03", null), District, "test", default);
        var run = started.Value.Id;
        await new PaymentRunComputation(dataSource).ComputeAsync(run, default);
        var move = new MovePaymentRun(dataSource, new Outbox(), new PaymentRunSignal(), Clock);
        await move.SubmitAsync(run, District, "test", default);
        await move.ApproveAsync(run, District, "test", default);
        await dataSource.Command("update payment_runs set state = 'exported' where id = $1", run).ExecuteAsync(default);
        var lines = await dataSource.Command(
                "select p.id, p.amount from payment_run_lines l join payments p on p.id = l.payment_id where l.run_id = $1 order by l.line_no", run)
            .ReadAllAsync(r => (r.Get<Guid>("id"), r.Get<decimal>("amount")), default);
        return (run, lines);
    }

    private static ImportBankResults Importer(NpgsqlDataSource dataSource) =>
        new(dataSource, new Outbox(), new SubsidyDiscovery(new Outbox(), Clock), Clock);

    private static IReadOnlyDictionary<string, string[]> Errors(Outcome<PaymentRun> outcome) => Assert.IsType<Failure.Invalid>(outcome.Failure).Errors;

    private static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql) =>
        Convert.ToInt64(await dataSource.Command(sql).ScalarAsync<object>(default), System.Globalization.CultureInfo.InvariantCulture);
}
