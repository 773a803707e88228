using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Payments;

namespace Tianxin.Employment.Tests;

[Collection(EmploymentDatabaseCollection.Name)]
public sealed class PaymentTests(EmploymentDatabase database)
{
    [Fact]
    public async Task Fifty_concurrent_grants_against_a_budget_for_twenty_pay_exactly_twenty()
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource, "employment_relief", 20_000m, 1_000m, "year");
        var persons = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            persons.Add(await CopiedPersons.AddAsync(dataSource));
        }
        var grant = Grant(dataSource);

        var outcomes = await Task.WhenAll(persons.Select(p =>
            Task.Run(() => grant.HandleAsync(programme.Id, new GrantRequest(p, null, 1_000m, null), AreaScope.District, "officer", default))));

        Assert.Equal(20, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.Equal("budget", Assert.IsType<Failure.Conflict>(o.Failure).Rule));
        Assert.Equal(20L, await dataSource.Command("select count(*) from payments where programme = 'employment_relief'").ScalarAsync<long>(default));
        Assert.Equal(20L, await OutboxMessages.CountAsync(dataSource, "EmploymentPaymentMade"));
        var line = (await PaymentProgramme.FindAsync(dataSource, programme.Id, default))!;
        Assert.Equal((20_000m, 20_000m, 0m), (line.Budget, line.Committed, line.Left));
    }

    [Fact]
    public async Task The_same_person_programme_and_period_twice_is_a_duplicate_and_commits_nothing_more()
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource, "wheelchair_fuel", 10_000m, 200m, "month");
        var person = await CopiedPersons.AddAsync(dataSource);
        var grant = Grant(dataSource);
        var month = $"{programme.Year}-03";

        var first = await grant.HandleAsync(programme.Id, new GrantRequest(person, month, 200m, "cash"), AreaScope.District, "officer", default);
        var second = await grant.HandleAsync(programme.Id, new GrantRequest(person, month, 200m, "cash"), AreaScope.District, "officer", default);
        var nextMonth = await grant.HandleAsync(programme.Id, new GrantRequest(person, $"{programme.Year}-04", 200m, "cash"), AreaScope.District,
            "officer", default);

        Assert.True(first.Succeeded);
        Assert.IsType<Failure.Duplicate>(second.Failure);
        Assert.True(nextMonth.Succeeded);
        Assert.Equal(400m, (await PaymentProgramme.FindAsync(dataSource, programme.Id, default))!.Committed);
    }

    [Fact]
    public async Task A_household_programme_pays_a_household_once_whichever_member_applies()
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource, "startup_household", 100_000m, 12_000m, "household");
        var household = Guid.NewGuid();
        var husband = await CopiedPersons.AddAsync(dataSource, householdId: household);
        var wife = await CopiedPersons.AddAsync(dataSource, householdId: household, sex: "female");
        var grant = Grant(dataSource);

        var first = await grant.HandleAsync(programme.Id, new GrantRequest(husband, null, 12_000m, null), AreaScope.District, "officer", default);
        var second = await grant.HandleAsync(programme.Id, new GrantRequest(wife, null, 12_000m, null), AreaScope.District, "officer", default);

        Assert.Equal(household, first.Value.PayeeId);
        Assert.IsType<Failure.Duplicate>(second.Failure);
    }

    [Theory]
    [InlineData(-1, "amount")]
    [InlineData(10.125, "amount")] // three decimals
    [InlineData(1_000.01, "amount")] // above the standard
    public async Task Bad_amounts_name_the_field_and_pay_nothing(double amount, string field)
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource, "employment_relief", 20_000m, 1_000m, "year");
        var person = await CopiedPersons.AddAsync(dataSource);

        var outcome = await Grant(dataSource).HandleAsync(programme.Id, new GrantRequest(person, null, (decimal)amount, null), AreaScope.District,
            "officer", default);

        Assert.Contains(field, Assert.IsType<Failure.Invalid>(outcome.Failure).Errors.Keys);
        Assert.Equal(0L, await dataSource.Command("select count(*) from payments").ScalarAsync<long>(default));
    }

    [Fact]
    public async Task A_month_outside_the_programmes_year_and_a_person_of_another_area_are_refused()
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource, "wheelchair_fuel", 10_000m, 200m, "month");
        var qingyuan = await CopiedPersons.AddAsync(dataSource, community: CopiedPersons.QingyuanCommunity);
        var yunan = new AreaScope(AreaCode.TryParse("430103001")!);

        var badMonth = await Grant(dataSource).HandleAsync(programme.Id, new GrantRequest(qingyuan, $"{programme.Year + 1}-01", 200m, null),
            AreaScope.District, "officer", default);
        var otherArea = await Grant(dataSource).HandleAsync(programme.Id, new GrantRequest(qingyuan, $"{programme.Year}-01", 200m, null), yunan,
            "officer", default);

        Assert.Contains("period", Assert.IsType<Failure.Invalid>(badMonth.Failure).Errors.Keys);
        Assert.IsType<Failure.NotFound>(otherArea.Failure);
    }

    [Fact]
    public async Task A_group_policy_insures_severe_and_registered_poor_holders_once_and_stops_at_the_budget()
    {
        await using var dataSource = await database.NewAsync();
        var programme = await ProgrammeAsync(dataSource, "accident_insurance", 100m, 50m, "year");
        await CopiedPersons.AddAsync(dataSource, grade: 1);
        await CopiedPersons.AddAsync(dataSource, grade: 2);
        await CopiedPersons.AddAsync(dataSource, grade: 4, flags: ["registered_poor"]);
        await CopiedPersons.AddAsync(dataSource, grade: 3);
        var insure = new InsureGroup(dataSource, new ProgrammePayments(dataSource, new EligibilityCopy(dataSource), new Outbox(), TimeProvider.System));

        var first = (await insure.HandleAsync(programme.Id, new GroupPolicyRequest(45.03m, null, null), AreaScope.District, "officer", default)).Value;
        var spent = (await insure.HandleAsync(programme.Id, new GroupPolicyRequest(45.03m, null, null), AreaScope.District, "officer", default)).Value;
        await dataSource.Command("update budget_lines set budget = 200 where id = $1", programme.Id).ExecuteAsync(default);
        var again = (await insure.HandleAsync(programme.Id, new GroupPolicyRequest(45.03m, null, null), AreaScope.District, "officer", default)).Value;

        // 100.00 yuan buys two premiums of 45.03: the third waits; enrolled again with more budget, only the third is added.
        Assert.Equal(new GroupPolicyResult(3, 2, 0, 1, 9.94m), first);
        Assert.Equal(new GroupPolicyResult(3, 0, 2, 1, 9.94m), spent);
        Assert.Equal(new GroupPolicyResult(3, 1, 2, 0, 64.91m), again);
    }

    private static GrantPayment Grant(NpgsqlDataSource dataSource) =>
        new(dataSource, new EligibilityCopy(dataSource), new ProgrammePayments(dataSource, new EligibilityCopy(dataSource), new Outbox(), TimeProvider.System));

    private static async Task<PaymentProgramme> ProgrammeAsync(NpgsqlDataSource dataSource, string code, decimal budget, decimal max, string kind) =>
        (await new CreatePaymentProgramme(dataSource).HandleAsync(
            new PaymentProgrammeRequest(code, DateTime.UtcNow.Year, code, budget, max, kind), "test", default)).Value;
}
