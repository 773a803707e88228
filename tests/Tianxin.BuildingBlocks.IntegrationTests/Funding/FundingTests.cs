using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.IntegrationTests.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.IntegrationTests.Funding;

/// <summary>Budget lines and the payment ledger against a real PostgreSQL, under real concurrency.</summary>
[Collection(MessagingCollection.Name)]
public sealed class FundingTests(MessagingFixture fixture)
{
    private static readonly Func<NpgsqlTransaction, Task<decimal>> NoneWaiting = _ => Task.FromResult(0m);

    [Fact]
    public async Task Fifty_concurrent_commitments_against_a_budget_for_twenty_grant_exactly_twenty()
    {
        await using var dataSource = await NewDatabaseAsync();
        var line = await OpenLineAsync(dataSource, budget: 20 * 1_234.56m);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() =>
            dataSource.InTransactionAsync(transaction =>
                BudgetLines.CommitAsync(transaction, line, Yuan.Of(1_234.56m), priority: false, NoneWaiting, CancellationToken.None),
                CancellationToken.None))));

        Assert.Equal(20, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal("budget", Assert.IsType<Failure.Conflict>(o.Failure).Rule));
        var after = (await BudgetLines.FindAsync(dataSource, line, CancellationToken.None))!;
        Assert.Equal(20 * 1_234.56m, after.Committed);
        Assert.Equal(0m, after.Left);
    }

    [Fact]
    public async Task What_is_left_is_kept_for_priority_claims_still_waiting()
    {
        await using var dataSource = await NewDatabaseAsync();
        var line = await OpenLineAsync(dataSource, budget: 1_000m);
        Func<NpgsqlTransaction, Task<decimal>> sixHundredWaiting = _ => Task.FromResult(600m);

        var ordinary = await dataSource.InTransactionAsync(t =>
            BudgetLines.CommitAsync(t, line, Yuan.Of(500m), priority: false, sixHundredWaiting, CancellationToken.None), CancellationToken.None);
        var poor = await dataSource.InTransactionAsync(t =>
            BudgetLines.CommitAsync(t, line, Yuan.Of(600m), priority: true, sixHundredWaiting, CancellationToken.None), CancellationToken.None);

        Assert.Equal("priority", Assert.IsType<Failure.Conflict>(ordinary.Failure).Rule);
        Assert.Equal(600m, poor.Value.Committed);
    }

    [Fact]
    public async Task Settling_returns_what_was_not_spent_and_a_budget_cannot_fall_below_what_is_committed()
    {
        await using var dataSource = await NewDatabaseAsync();
        var line = await OpenLineAsync(dataSource, budget: 1_000m);
        await dataSource.InTransactionAsync(t =>
            BudgetLines.CommitAsync(t, line, Yuan.Of(800m), priority: false, NoneWaiting, CancellationToken.None), CancellationToken.None);

        var settled = await dataSource.InTransactionAsync(t =>
            BudgetLines.SettleAsync(t, line, Yuan.Of(800m), Yuan.Of(650.5m), CancellationToken.None), CancellationToken.None);
        var tooSmall = await dataSource.InTransactionAsync(t =>
            BudgetLines.RestateAsync(t, line, "test", 2026, Yuan.Of(600m), "test", CancellationToken.None), CancellationToken.None);

        Assert.Equal((650.5m, 650.5m, 349.5m), (settled.Value.Committed, settled.Value.Spent, settled.Value.Left));
        Assert.IsType<Failure.Conflict>(tooSmall.Failure);
        Assert.Equal(1_000m, (await BudgetLines.FindAsync(dataSource, line, CancellationToken.None))!.Budget);
    }

    [Fact]
    public async Task Two_concurrent_payments_of_one_person_programme_and_period_leave_one_row_and_a_clear_duplicate()
    {
        await using var dataSource = await NewDatabaseAsync();
        var person = Guid.NewGuid();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            dataSource.InTransactionAsync(transaction => PaymentLedger.RecordAsync(transaction, null, person, "care_subsidy", "2026-03",
                Yuan.Of(110m), "bank_transfer", "test", CancellationToken.None), CancellationToken.None))));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Failure is Failure.Duplicate);
        Assert.Equal(1L, await CountAsync(dataSource, "select count(*) from payments where payee_id = $1", person));
    }

    [Fact]
    public async Task A_failed_payment_may_be_paid_again_but_a_paid_one_may_not()
    {
        await using var dataSource = await NewDatabaseAsync();
        var person = Guid.NewGuid();
        Task<Outcome<Payment>> PayAsync() => dataSource.InTransactionAsync(t => PaymentLedger.RecordAsync(t, null, person, "care_subsidy",
            "2026-04", Yuan.Of(110m), "bank_transfer", "test", CancellationToken.None), CancellationToken.None);

        var first = await PayAsync();
        await dataSource.InTransactionAsync(t => PaymentLedger.SettleAsync(t, first.Value.Id, paid: false, "账户已销户", CancellationToken.None),
            CancellationToken.None);
        var retry = await PayAsync();
        await dataSource.InTransactionAsync(t => PaymentLedger.SettleAsync(t, retry.Value.Id, paid: true, null, CancellationToken.None),
            CancellationToken.None);
        var third = await PayAsync();

        Assert.True(retry.Succeeded);
        Assert.IsType<Failure.Duplicate>(third.Failure);
        Assert.Equal(2L, await CountAsync(dataSource, "select count(*) from payments where payee_id = $1", person));
    }

    [Fact]
    public async Task Settling_many_at_once_settles_only_pending_payments_and_says_how_many()
    {
        await using var dataSource = await NewDatabaseAsync();
        var payments = new List<Guid>();
        for (var month = 1; month <= 3; month++)
        {
            var period = $"2026-0{month}";
            payments.Add((await dataSource.InTransactionAsync(t => PaymentLedger.RecordAsync(t, null, Guid.NewGuid(), "care_subsidy", period,
                Yuan.Of(110m), "bank_transfer", "test", CancellationToken.None), CancellationToken.None)).Value.Id);
        }
        await dataSource.InTransactionAsync(t => PaymentLedger.SettleAsync(t, payments[2], paid: true, null, CancellationToken.None), CancellationToken.None);

        var settled = await dataSource.InTransactionAsync(t => PaymentLedger.SettleManyAsync(t,
            [new PaymentResult(payments[0], true, null), new PaymentResult(payments[1], false, "户名不符"), new PaymentResult(payments[2], false, "迟到的回盘")],
            CancellationToken.None), CancellationToken.None);

        Assert.Equal(2, settled);
        Assert.Equal(["failed 户名不符", "paid ", "paid "], (await dataSource.Command(
                "select state || ' ' || coalesce(reason, '') as s from payments where id = any($1) order by s", payments.ToArray())
            .ReadAllAsync(r => r.GetString(0), CancellationToken.None)));
    }

    [Fact]
    public async Task The_ledger_refuses_an_unknown_method_and_the_table_refuses_a_non_positive_amount()
    {
        await using var dataSource = await NewDatabaseAsync();

        var unknownMethod = await dataSource.InTransactionAsync(t => PaymentLedger.RecordAsync(t, null, Guid.NewGuid(), "p", "2026",
            Yuan.Of(1m), "cheque", "test", CancellationToken.None), CancellationToken.None);
        var zero = await dataSource.InTransactionAsync(t => PaymentLedger.RecordAsync(t, null, Guid.NewGuid(), "p", "2026",
            Yuan.Zero, "cash", "test", CancellationToken.None), CancellationToken.None);

        Assert.Contains("method", Assert.IsType<Failure.Invalid>(unknownMethod.Failure).Errors.Keys);
        Assert.Contains("amount", Assert.IsType<Failure.Invalid>(zero.Failure).Errors.Keys);
        await Assert.ThrowsAsync<PostgresException>(() => dataSource.Command(
            "insert into payments (id, payee_id, programme, period, amount, method, recorded_by) values ($1, $2, 'p', '2026', -1, 'cash', 't')",
            Guid.NewGuid(), Guid.NewGuid()).ExecuteAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Paying_each_of_a_list_again_after_the_budget_is_spent_finds_the_paid_ones_already_paid_and_pays_no_one_twice()
    {
        await using var dataSource = await NewDatabaseAsync();
        var line = await OpenLineAsync(dataSource, budget: 250m);
        var payees = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();
        Task<Outcome<bool>> Pay(NpgsqlTransaction transaction, Guid payee) =>
            FundedPayments.PayAsync(transaction, line, payee, "test", "2026", Yuan.Of(100m), "bank_transfer", "test", CancellationToken.None)
                .ContinueWith(paid => paid.Result.Map(_ => true), TaskScheduler.Default);

        var first = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => PayEach.RunAsync(dataSource, payees, Pay, CancellationToken.None)));
        var again = await PayEach.RunAsync(dataSource, payees, Pay, CancellationToken.None);

        Assert.Equal(2, first.Sum(r => r.Paid));
        Assert.Equal(new PaidEach(0, 2, 2), again);
        Assert.Equal(2L, await dataSource.Command("select count(*) from payments where budget_line_id = $1", line).ScalarAsync<long>(CancellationToken.None));
        Assert.Equal(50m, (await BudgetLines.FindAsync(dataSource, line, CancellationToken.None))!.Left);
    }

    private async Task<NpgsqlDataSource> NewDatabaseAsync() =>
        NpgsqlDataSource.Create(await fixture.Postgres.CreateDatabaseAsync("funding", MigrationScripts.Funding));

    private static async Task<Guid> OpenLineAsync(NpgsqlDataSource dataSource, decimal budget)
    {
        var id = Guid.NewGuid();
        Assert.True(await dataSource.InTransactionAsync(t =>
            BudgetLines.OpenAsync(t, id, "test", 2026, Yuan.Of(budget), "test", CancellationToken.None), CancellationToken.None));
        return id;
    }

    private static Task<long> CountAsync(NpgsqlDataSource dataSource, string sql, Guid person) =>
        dataSource.Command(sql, person).ScalarAsync<long>(CancellationToken.None);
}
