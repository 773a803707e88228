using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Cases;
using Tianxin.Relief.Features.Contributions;
using Tianxin.Relief.Features.Figures;

namespace Tianxin.Relief.Tests;

/// <summary>Pension and medical insurance contributions paid for the holders a yearly rule covers, once each, within the budget.</summary>
[Collection(ReliefDatabaseCollection.Name)]
public sealed class ContributionsTests(ReliefDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly int Year = Clock.TodayInChina().Year;

    [Fact]
    public void The_rule_covers_severe_grades_and_poor_households_within_the_ages_reached_in_the_year()
    {
        var rule = new ContributionRule("pension", Year, 200m, [1, 2], ["registered_poor", "minimum_living"], 16, 59, "test");

        Assert.True(rule.Covers(Person(grade: 2, age: 16), Year));
        Assert.True(rule.Covers(Person(grade: 4, age: 59, "minimum_living"), Year));
        Assert.False(rule.Covers(Person(grade: 2, age: 15), Year));
        Assert.False(rule.Covers(Person(grade: 1, age: 60), Year));
        Assert.False(rule.Covers(Person(grade: 3, age: 30, "extreme_poverty"), Year));
        Assert.False(rule.Covers(Person(grade: null, age: 30, "registered_poor"), Year));
        Assert.False(rule.Covers(Person(grade: 1, age: 30) with { Status = "deceased" }, Year));
    }

    [Fact]
    public async Task Two_calls_at_once_pay_each_covered_holder_once_registered_poor_first_and_never_beyond_the_budget()
    {
        await using var dataSource = await database.NewAsync();
        await ProgrammeAsync(dataSource, budget: 600m);
        var severe = await InsertAsync(dataSource, grade: 1, age: 30);
        var poor = await InsertAsync(dataSource, grade: 3, age: 40, "registered_poor");
        var lowIncome = await InsertAsync(dataSource, grade: 4, age: 20, "minimum_living");
        var another = await InsertAsync(dataSource, grade: 2, age: 50);
        await InsertAsync(dataSource, grade: 3, age: 35);
        await InsertAsync(dataSource, grade: 1, age: 70);
        var pay = new PayContributions(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock);

        var results = await Task.WhenAll(
            pay.HandleAsync(new ContributionsRequest("pension", Year), "officer", default),
            pay.HandleAsync(new ContributionsRequest("pension", Year), "officer", default));
        var again = await pay.HandleAsync(new ContributionsRequest("pension", Year), "officer", default);

        var paid = await dataSource.Command("select payee_id from payments where programme = 'pension_contribution' and period = $1", Year.ToString())
            .ReadAllAsync(r => r.GetGuid(0), default);
        Assert.Equal(3, paid.Count);
        Assert.Equal(3, paid.Distinct().Count());
        Assert.Contains(poor, paid);
        Assert.Subset(new HashSet<Guid> { severe, poor, lowIncome, another }, paid.ToHashSet());
        Assert.All(results, r => Assert.Equal(4, r.Value.Covered));
        Assert.Equal(3, results.Sum(r => r.Value.Paid));
        Assert.Equal((0, 3, 1, 0m), (again.Value.Paid, again.Value.AlreadyPaid, again.Value.NotPaid, again.Value.BudgetLeft));
        Assert.Equal(3L, await dataSource.Command("select count(*) from outbox_messages where message_type like '%ContributionPaid%'").ScalarAsync<long>(default));
        var figures = (await new FindReliefFigures(dataSource, Clock).HandleAsync(Year, AreaScope.District, default)).Programmes
            .Single(p => p.Code == "pension_contribution");
        Assert.Equal((3, 3, 600m, 0m), (figures.Cases, figures.People, figures.Granted, figures.BudgetLeft));
    }

    [Fact]
    public async Task The_district_edits_the_rule_and_bad_requests_name_their_fields()
    {
        await using var dataSource = await database.NewAsync();
        await ProgrammeAsync(dataSource, budget: 10_000m);
        var child = await InsertAsync(dataSource, grade: 1, age: 5);
        var set = new SetContributionRule(dataSource);
        var pay = new PayContributions(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock);

        var bad = await set.HandleAsync("pension", Year, new ContributionRuleRequest(-1m, [5], ["rich"], 60, 16, ""), "officer", default);
        var edited = await set.HandleAsync("pension", Year, new ContributionRuleRequest(300m, [1], [], 0, null, "测试通知"), "officer", default);
        var paid = await pay.HandleAsync(new ContributionsRequest("pension", Year), "officer", default);
        var unknown = await pay.HandleAsync(new ContributionsRequest("housing", Year + 1), "officer", default);
        var noProgramme = await pay.HandleAsync(new ContributionsRequest("medical", Year), "officer", default);

        Assert.Equal(["amount", "grades", "minAge", "source", "statuses"], Assert.IsType<Failure.Invalid>(bad.Failure).Errors.Keys.Order());
        Assert.True(edited.Succeeded);
        Assert.Equal((1, 1, 300m), (paid.Value.Covered, paid.Value.Paid, paid.Value.Amount));
        Assert.Equal([child], await dataSource.Command("select payee_id from payments").ReadAllAsync(r => r.GetGuid(0), default));
        Assert.Equal(["insurance", "year"], Assert.IsType<Failure.Invalid>(unknown.Failure).Errors.Keys.Order());
        Assert.Equal(["year"], Assert.IsType<Failure.Invalid>(noProgramme.Failure).Errors.Keys);
    }

    private static PersonFacts Person(int? grade, int age, params string[] flags) =>
        new(Guid.NewGuid(), new DateOnly(Year - age, 6, 1), "male", "430103001001", "active", grade is null ? null : 4, grade, flags, null);

    private static async Task ProgrammeAsync(NpgsqlDataSource dataSource, decimal budget) =>
        Assert.True((await new CreateReliefProgramme(dataSource).HandleAsync(
            new ReliefProgrammeRequest("pension_contribution", Year, "城乡居民养老保险缴费资助", budget, 1_000m, 1_000m, true), "test", default)).Succeeded);

    private static Task<Guid> InsertAsync(NpgsqlDataSource dataSource, int grade, int age, params string[] flags) =>
        CopiedPersons.AddAsync(dataSource, Person(grade, age, flags));
}
