using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Npgsql;
using Aspire.Hosting.Testing;
using Tianxin.Protos.Rehabilitation.V1;
using Xunit.Abstractions;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// A random year of the district sent through the services' public APIs as their users send it: persons and
/// certificates to the registry, needs, cases and fittings to rehabilitation, grants to relief, payments to
/// employment, with random amounts to the fen. The year is one nothing else in the test run touches, so the
/// report's figures for it are this test's alone, and the test holds them to the totals it computes from what it sent.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RandomYearTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Year = 2021;
    private static readonly string[] Communities = ["430103001001", "430103002001", "430103006001", "430103009001", "430103012001"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task The_lines_money_per_street_and_month_the_rehabilitation_target_and_the_reconciliation_of_a_random_year_sent_through_the_apis_agree_with_what_was_sent()
    {
        var seed = Random.Shared.Next();
        output.WriteLine($"seed {seed}");
        var plan = RandomYear.Plan(new Random(seed), children: 90, adults: 110, Communities, Year);
        output.WriteLine($"{plan.Persons.Count} persons, {plan.Needs.Count} needs, {plan.Cases.Count} cases, {plan.Fittings.Count} fittings, "
            + $"{plan.Grants.Count} grants, {plan.Payments.Count} payments");
        using var officer = await platform.StaffAsync("district-officer");

        var persons = await RegisterAsync(officer, plan);
        await WaitForCopiesAsync(persons.Values);
        var programmes = await CreateProgrammesAsync(officer, plan);
        await SendAsync(officer, plan, persons, programmes);

        ReportingTests.ReportAnswer report = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            report = (await officer.GetFromJsonAsync<ReportingTests.ReportAnswer>($"/api/reporting/year-end/{Year}?format=json"))!;
            return Figure(report, "temporary_hardship", "granted").Count == plan.Grants.Count
                && Figure(report, "employment_relief", "paid").Count == plan.Payments.Count
                && Figure(report, "assistive_devices", "devices").Count == plan.Fittings.Count
                && Figure(report, "child_aid", "approved").Count == plan.Cases.Count(c => c.Programme == "child_aid");
        }, Patience, () => $"The {Year} report never counted every event sent (seed {seed})");

        var childAid = plan.Cases.Where(c => c.Programme == "child_aid").ToList();
        Assert.Equal((childAid.Count, childAid.Sum(c => plan.AmountPerCase["child_aid"])),
            (Figure(report, "child_aid", "approved").People, Figure(report, "child_aid", "approved").Amount));
        Assert.Equal((plan.Fittings.Select(f => f.Person).Distinct().Count(), plan.Fittings.Sum(f => f.Count), plan.Fittings.Sum(f => f.Cost)),
            (Figure(report, "assistive_devices", "devices").People, Figure(report, "assistive_devices", "devices").Items,
                Figure(report, "assistive_devices", "devices").Amount));
        Assert.Equal((plan.Payments.Select(p => p.Person).Distinct().Count(), plan.Payments.Sum(p => p.Amount)),
            (Figure(report, "employment_relief", "paid").People, Figure(report, "employment_relief", "paid").Amount));
        Assert.Equal((plan.Grants.Select(g => g.Person).Distinct().Count(), plan.Grants.Sum(g => g.Amount)),
            (Figure(report, "temporary_hardship", "granted").People, Figure(report, "temporary_hardship", "granted").Amount));
        Assert.Equal(
            $"投入经费{Wan(childAid.Sum(c => plan.AmountPerCase["child_aid"]))}万元为{childAid.Count}名0-17岁贫困残疾儿童免费提供康复救助服务",
            Line(report, "child_aid").Text);
        Assert.Equal($"为{plan.Grants.Select(g => g.Person).Distinct().Count()}名因病住院、发生天灾人祸的残疾人给予临时困难救助，发放救助资金{ReportingTests.Yuan(plan.Grants.Sum(g => g.Amount))}元",
            Line(report, "temporary_hardship").Text);
        Assert.False(Line(report, "hearing_aids").HasData);

        var rows = (await officer.GetFromJsonAsync<List<FigureAnswer>>($"/api/reporting/figures?year={Year}"))!;
        Assert.Equal(Expected(plan.Grants.Select(g => (plan.StreetOf(g.Person), g.Amount))), ByStreet(rows, "temporary_hardship", "granted"));
        Assert.Equal(Expected(plan.Payments.Select(p => (plan.StreetOf(p.Person), p.Amount))), ByStreet(rows, "employment_relief", "paid"));
        Assert.Equal(Expected(plan.Fittings.Select(f => (plan.StreetOf(f.Person), f.Cost))), ByStreet(rows, "assistive_devices", "devices"));
        Assert.Equal(
            plan.Payments.GroupBy(p => p.Month).OrderBy(g => g.Key).Select(g => (g.Key, (long)g.Select(p => p.Person).Distinct().Count(), g.Sum(p => p.Amount))),
            rows.Where(r => r is { Programme: "employment_relief", Measure: "paid", Month: not null }).OrderBy(r => r.Month)
                .Select(r => (r.Month!.Value, r.Figure.People, r.Figure.Amount)));

        ReportingTests.ReconciliationAnswer reconciliation = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            reconciliation = (await officer.GetFromJsonAsync<ReportingTests.ReconciliationAnswer>($"/api/reporting/reconciliation?year={Year}"))!;
            return reconciliation is { Differences: [], Unreachable: [] };
        }, Patience, () => $"The {Year} year never reconciled (seed {seed}): " + string.Join("; ", reconciliation.Differences));
        Assert.Equal(4, reconciliation.Programmes);

        // Reconciled, so every need and approval has reached the report (rehabilitation's figures count both).
        var rehabilitation = (await officer.GetFromJsonAsync<TargetsAnswer>($"/api/reporting/targets?year={Year}"))!.Targets.Single(t => t.Code == "rehabilitation");
        var inNeed = plan.Needs.Select(n => n.Person).ToHashSet();
        var served = plan.Cases.Select(c => c.Person).Where(inNeed.Contains).ToHashSet();
        Assert.Equal((served.Count, inNeed.Count), (rehabilitation.Numerator, rehabilitation.Denominator));
        Assert.Equal(Math.Round(served.Count * 100m / inNeed.Count, 1, MidpointRounding.AwayFromZero), rehabilitation.Rate);
        Assert.Equal(
            inNeed.GroupBy(plan.StreetOf).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, (long)g.Count(served.Contains), (long)g.Count())),
            rehabilitation.Streets.Select(s => (s.Street, s.Numerator, s.Denominator)));
    }

    private async Task<Dictionary<int, Guid>> RegisterAsync(HttpClient officer, RandomYear plan)
    {
        var persons = new System.Collections.Concurrent.ConcurrentDictionary<int, Guid>();
        await Parallel.ForEachAsync(plan.Persons, new ParallelOptions { MaxDegreeOfParallelism = 3 }, async (person, _) =>
        {
            var registered = await RegistryClient.RegisterAsync(officer, person.Name, person.BirthDate, person.Community);
            await RegistryClient.IssueAsync(officer, registered.Id, person.Category, person.Grade, on: $"{Year}-01-10");
            persons[person.Number] = registered.Id;
        });
        return new Dictionary<int, Guid>(persons);
    }

    /// <summary>Rehabilitation, relief and employment learn of the new holders from the registry's events.</summary>
    private async Task WaitForCopiesAsync(ICollection<Guid> persons)
    {
        foreach (var service in new[] { "rehabilitation-db", "relief-db", "employment-db" })
        {
            await using var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(service));
            await database.OpenAsync();
            await Testing.Wait.UntilAsync(async () =>
            {
                await using var count = new NpgsqlCommand("select count(*) from eligibility_persons where person_id = any($1) and grade is not null", database);
                count.Parameters.AddWithValue(persons.ToArray());
                return (long)(await count.ExecuteScalarAsync())! == persons.Count;
            }, Patience, () => $"{service}'s copy never caught up with the registry");
        }
    }

    private static async Task<Dictionary<string, Guid>> CreateProgrammesAsync(HttpClient officer, RandomYear plan)
    {
        var programmes = new Dictionary<string, Guid>();
        foreach (var (code, path, body) in new (string, string, object)[]
        {
            ("child_aid", "/api/rehabilitation/programmes", new
            {
                code = "child_aid", year = Year, name = "贫困残疾儿童康复救助", minAge = 0, maxAge = 17, amountPerCase = plan.AmountPerCase["child_aid"],
                budget = 10_000_000m, institutions = new[] { "rehab-institution-1" },
            }),
            ("assistive_devices", "/api/rehabilitation/programmes", new
            {
                code = "assistive_devices", year = Year, name = "辅具适配进家庭", minAge = 16, maxAge = 80, amountPerCase = plan.AmountPerCase["assistive_devices"],
                budget = 10_000_000m, institutions = new[] { "rehab-institution-1" },
            }),
            ("temporary_hardship", "/api/relief/programmes", new
            {
                code = "temporary_hardship", year = Year, name = "临时困难救助", budget = 10_000_000m, perCaseLimit = 5_000m, perPersonYearLimit = 20_000m,
                registeredPoorFirst = false,
            }),
            ("employment_relief", "/api/employment/programmes", new
            {
                code = "employment_relief", year = Year, name = "就业救助", budget = 10_000_000m, maxAmount = 2_000m, periodKind = "month",
            }),
        })
        {
            using var created = await officer.PostAsJsonAsync(path, body);
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"{path}: {await created.Content.ReadAsStringAsync()}");
            programmes[code] = (await created.Content.ReadFromJsonAsync<IdAnswer>())!.Id;
        }
        return programmes;
    }

    private async Task SendAsync(HttpClient officer, RandomYear plan, Dictionary<int, Guid> persons, Dictionary<string, Guid> programmes)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = 3 };
        await Parallel.ForEachAsync(plan.Needs, parallel, async (need, _) =>
            await CreatedAsync<IdAnswer>(officer.PostAsJsonAsync("/api/rehabilitation/needs",
                new { personId = persons[need.Person], programmeCode = need.Programme, source = "home_visit", assessedOn = need.On })));

        var cases = new System.Collections.Concurrent.ConcurrentDictionary<int, Guid>();
        await Parallel.ForEachAsync(plan.Cases, parallel, async (planned, _) =>
        {
            var application = await CreatedAsync<IdAnswer>(officer.PostAsJsonAsync("/api/rehabilitation/applications",
                new { personId = persons[planned.Person], programmeId = programmes[planned.Programme] }));
            using var approved = await officer.PostAsJsonAsync($"/api/rehabilitation/applications/{application.Id}/approval",
                new { institution = "rehab-institution-1" });
            Assert.True(approved.StatusCode == HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
            cases[planned.Person] = application.Id;
        });

        var institution = new Metadata { { "Authorization", "Bearer " + await platform.Tokens.ForPartnerAsync("rehab-institution-1") } };
        var rehabilitation = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Parallel.ForEachAsync(plan.Fittings, parallel, async (fitting, _) =>
            await rehabilitation.RecordDevicesAsync(new RecordDevicesRequest
            {
                CaseId = cases[fitting.Person].ToString(), DeviceType = "助行器", Count = fitting.Count,
                Cost = fitting.Cost.ToString("0.00", CultureInfo.InvariantCulture), FittedOn = today,
            }, institution));

        await Parallel.ForEachAsync(plan.Grants, parallel, async (grant, _) =>
        {
            var submitted = await CreatedAsync<IdAnswer>(officer.PostAsJsonAsync("/api/relief/cases", new
            {
                programmeId = programmes["temporary_hardship"], personId = persons[grant.Person], amount = grant.Amount, cause = "住院治疗",
                occurredOn = new DateOnly(Year, grant.Month, 15),
            }));
            using var granted = await officer.PostAsync($"/api/relief/cases/{submitted.Id}/grant", null);
            Assert.True(granted.StatusCode == HttpStatusCode.OK, await granted.Content.ReadAsStringAsync());
        });

        await Parallel.ForEachAsync(plan.Payments, parallel, async (payment, _) =>
            await CreatedAsync<IdAnswer>(officer.PostAsJsonAsync($"/api/employment/programmes/{programmes["employment_relief"]}/payments",
                new { personId = persons[payment.Person], amount = payment.Amount, period = $"{Year}-{payment.Month:00}" })));
    }

    private static async Task<T> CreatedAsync<T>(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.RequestMessage?.RequestUri}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }

    private static ReportingTests.LineAnswer Line(ReportingTests.ReportAnswer report, string programme) =>
        report.Sections.SelectMany(s => s.Lines).Single(l => l.Programme == programme);

    private static ReportingTests.FigureValues Figure(ReportingTests.ReportAnswer report, string programme, string measure) =>
        Line(report, programme).Figures[measure];

    private static List<(string Street, decimal Amount)> Expected(IEnumerable<(string Street, decimal Amount)> sent) =>
        [.. sent.GroupBy(s => s.Street).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Sum(s => s.Amount)))];

    private static List<(string Street, decimal Amount)> ByStreet(List<FigureAnswer> rows, string programme, string measure) =>
        [.. rows.Where(r => r.Programme == programme && r.Measure == measure && r.Street is not null).OrderBy(r => r.Street, StringComparer.Ordinal)
            .Select(r => (r.Street!, r.Figure.Amount))];

    private static string Wan(decimal yuan) => Math.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record IdAnswer(Guid Id);

    private sealed record FigureAnswer(string Programme, string Measure, int? Month, string? Street, ReportingTests.FigureValues Figure);

    private sealed record StreetAnswer(string Street, long Numerator, long Denominator);

    private sealed record TargetAnswer(string Code, long Numerator, long Denominator, decimal? Rate, List<StreetAnswer> Streets);

    private sealed record TargetsAnswer(string Area, List<TargetAnswer> Targets);
}
