using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Npgsql;

namespace Tianxin.EndToEnd.Tests;

/// <summary>The demo district that a development run seeds (small here; ./tianxin run seeds 3,000).</summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoDataTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_demo_district_has_every_category_grade_household_status_and_special_group()
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        string[] flags = [];
        await Testing.Wait.UntilAsync(async () => (flags = await TextsAsync(registry,
                "select distinct unnest(f.household_flags) from person_facts f join persons p on p.id = f.person_id where p.created_by = 'demo-data'"))
            .Length == 7, TimeSpan.FromSeconds(90), () => "Demo flags so far: " + string.Join(", ", flags));

        var categories = await TextsAsync(registry,
            "select distinct c.category::text from certificates c join persons p on p.id = c.person_id where p.created_by = 'demo-data'");
        var grades = await TextsAsync(registry,
            "select distinct c.grade::text from certificates c join persons p on p.id = c.person_id where p.created_by = 'demo-data'");
        var sexes = await TextsAsync(registry, "select distinct sex from persons where created_by = 'demo-data'");
        var persons = await TextsAsync(registry, "select id::text from persons where created_by = 'demo-data'");
        var households = await TextsAsync(registry, "select id::text from households where created_by = 'demo-data'");

        Assert.Equal(PlatformFixture.DemoPersons, persons.Length);
        Assert.Equal(PlatformFixture.DemoPersons / 10 * 6, households.Length); // six in every ten persons' block, none refused
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7"], categories.Order());
        Assert.Equal(["1", "2", "3", "4"], grades.Order());
        Assert.Equal(["female", "male"], sexes.Order());
        Assert.Equal(["alone", "elderly_carer", "elderly_disabled", "extreme_poverty", "minimum_living", "multiple_disabled", "registered_poor"],
            flags.Order());
    }

    /// <summary>
    /// The registry seeds its demo persons as soon as it starts: a consuming service whose queue was not bound by then
    /// never had them (employment and relief once lacked the first three), and its demo was drafted on fewer persons.
    /// </summary>
    [Fact]
    public async Task Every_demo_person_reaches_the_copies_of_every_service_that_keeps_one()
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        var persons = (await TextsAsync(registry, "select id::text from persons where created_by = 'demo-data'")).Select(Guid.Parse).ToArray();
        Dictionary<string, long> copied = [];
        await Testing.Wait.UntilAsync(async () =>
        {
            foreach (var service in new[] { "rehabilitation", "employment", "relief" })
            {
                await using var copy = new NpgsqlConnection(await platform.App.GetConnectionStringAsync(service + "-db"));
                await copy.OpenAsync();
                await using var count = new NpgsqlCommand("select count(*) from eligibility_persons where person_id = any ($1)", copy)
                {
                    Parameters = { new() { Value = persons } },
                };
                copied[service] = (long)(await count.ExecuteScalarAsync())!;
            }
            return copied.Values.All(n => n == persons.Length);
        }, TimeSpan.FromSeconds(60), () => $"Of {persons.Length} demo persons the copies hold: " + string.Join(", ", copied.Select(c => $"{c.Key} {c.Value}")));

        Assert.Equal(PlatformFixture.DemoPersons, persons.Length);
    }

    /// <summary>
    /// The demo's births count back from a fixed day: when they moved with the date, the holders of working age in 2019
    /// would have gone from 23 to 22 within days, with nothing to spare for the 2019 report's 22 pension subsidies.
    /// </summary>
    [Fact]
    public async Task The_demo_district_is_the_same_every_day_with_23_holders_of_working_age_in_2019()
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        var births = await TextsAsync(registry, "select birth_date::text from persons where created_by = 'demo-data' order by birth_date, id_number_index");
        await using var employment = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("employment-db"));
        await employment.OpenAsync();
        await using var workingAge = new NpgsqlCommand(
            """
            select count(*) from eligibility_persons
            where person_id = any ($1) and grade is not null and working_age_on(sex, birth_date, '2019-01-01')
            """, employment)
        {
            Parameters = { new() { Value = (await TextsAsync(registry, "select id::text from persons where created_by = 'demo-data'")).Select(Guid.Parse).ToArray() } },
        };

        Assert.Equal(["1936-04-27", "2021-11-01"], [births[0], births[^1]]);
        Assert.Equal(23L, (long)(await workingAge.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task The_demo_programmes_follow_the_2019_report_and_demo_applications_are_in_every_state()
    {
        await using var rehabilitation = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("rehabilitation-db"));
        await rehabilitation.OpenAsync();
        string[] states = [];
        await Testing.Wait.UntilAsync(async () => (states = await TextsAsync(rehabilitation,
                "select distinct a.status from applications a join programmes p on p.id = a.programme_id where a.submitted_by = 'demo-data' and p.year > 2019"))
                .Length == 4,
            TimeSpan.FromSeconds(120), () => "Demo application states so far: " + string.Join(", ", states));

        var childAid = await TextsAsync(rehabilitation, "select b.budget::text from programmes p join budget_lines b on b.id = p.id where p.code = 'child_aid' and p.year = 2019");

        Assert.Equal(["5131600.00"], childAid);
        Assert.Equal(["approved", "completed", "rejected", "submitted"], states.Order());
    }

    [Fact]
    public async Task The_employment_demo_pays_the_2019_programmes_holds_two_fairs_and_serves_care_and_the_figures_equal_the_rows()
    {
        using var officer = await platform.StaffAsync("district-officer");
        await using var employment = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("employment-db"));
        await employment.OpenAsync();

        var figures = (await officer.GetFromJsonAsync<DemoEmploymentFigures>("/api/employment/figures/2019"))!;
        var paid = await TextsAsync(employment,
            """
            select p.programme || ' ' || count(distinct pp.person_id) || ' ' || sum(p.amount) from payments p
            join programme_payments pp on pp.payment_id = p.id join payment_programmes g on g.id = pp.programme_id
            where g.year = 2019 group by p.programme order by p.programme
            """);
        var served = await TextsAsync(employment,
            "select e.kind || ' ' || count(distinct e.person_id) || ' ' || count(m.month) from care_enrolments e left join care_service_months m on m.enrolment_id = e.id group by e.kind order by e.kind");
        var accident = figures.Programmes.Single(p => p.Code == "accident_insurance");

        // The demo persons are few here, but enough for every 2019 programme, the two care subsidies included.
        Assert.Equal(9, paid.Length);
        Assert.Equal(["day_care", "home_care"], served.Select(row => row.Split(' ')[0]));
        Assert.Equal(paid, figures.Programmes.Where(p => p.People > 0).OrderBy(p => p.Code, StringComparer.Ordinal)
            .Select(p => FormattableString.Invariant($"{p.Code} {p.People} {p.Money:0.00}")));
        Assert.True(accident.Money <= 145_500.00m && accident.People > 0);
        Assert.Equal(served, figures.Care.Where(c => c.Enrolled > 0).Select(c => $"{c.Kind} {c.Enrolled} {c.MonthsServed}"));
        Assert.All(figures.Care, c => Assert.Equal(12 * c.Enrolled, c.MonthsServed));
        Assert.Equal(2, figures.JobFairs.Fairs);
        Assert.True(figures.JobFairs.Placements > 0 && figures.JobFairs.Placements <= figures.JobFairs.Seekers);
    }

    [Fact]
    public async Task The_grievance_demo_has_the_2019_shape_and_open_cases_on_every_clock()
    {
        using var officer = await platform.StaffAsync("district-officer");
        await using var grievance = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("grievance-db"));
        await grievance.OpenAsync();
        string[] stages = [];
        await Testing.Wait.UntilAsync(async () => (stages = await TextsAsync(grievance,
                """
                select distinct stage from grievance_cases
                where (created_by = 'demo-data' or number like '12345-' || to_char(now(), 'YYYY') || '-12345-%') and received_on >= date_trunc('year', now())::date
                """)).Length >= 4,
            TimeSpan.FromSeconds(120), () => "Demo stages so far: " + string.Join(", ", stages));

        var figures = (await officer.GetFromJsonAsync<DemoGrievanceFigures>("/api/grievance/figures/2019"))!;
        var rectification = (await officer.GetFromJsonAsync<List<DemoDefect>>("/api/grievance/defects/rectification"))!;
        var atRisk = (await officer.GetFromJsonAsync<DemoAtRisk>("/api/grievance/cases/at-risk"))!;

        Assert.Equal(3, figures.Petitions.Received);
        Assert.Equal(2, figures.Petitions.Replied);
        Assert.Equal(0, figures.Petitions.EscalatedBeyondDistrict);
        Assert.Equal((5, 5, 5, 5), (figures.WorkOrders.Orders, figures.WorkOrders.SignedOnTime, figures.WorkOrders.Closed, figures.WorkOrders.Satisfied));
        Assert.True(figures.LegalAid.Consultations >= 20, $"{figures.LegalAid.Consultations} consultations");
        Assert.Equal((22, 16), (figures.Defects.Found, figures.Defects.Fixed));
        Assert.Equal(6, rectification.Count(d => d.Number.StartsWith("WZA2019", StringComparison.Ordinal)));
        Assert.Contains(atRisk.Cases, c => c.ClockStatus == "breached");
        Assert.Superset(new HashSet<string> { "acceptance", "handling", "replied", "review" }, stages.ToHashSet());
    }

    private sealed record DemoPetitions(int Received, int Replied, int EscalatedBeyondDistrict);

    private sealed record DemoWorkOrders(int Orders, int SignedOnTime, int Closed, int Satisfied);

    private sealed record DemoLegalAid(int Consultations);

    private sealed record DemoDefects(int Found, int Fixed);

    private sealed record DemoGrievanceFigures(DemoPetitions Petitions, DemoWorkOrders WorkOrders, DemoLegalAid LegalAid, DemoDefects Defects);

    private sealed record DemoDefect(string Number);

    private sealed record DemoClockCase(string ClockStatus);

    private sealed record DemoAtRisk(List<DemoClockCase> Cases);

    private sealed record DemoProgramme(string Code, int People, decimal Money);

    private sealed record DemoCare(string Kind, int Enrolled, int MonthsServed);

    private sealed record DemoFairs(int Fairs, int Employers, int Seekers, int Agreements, int Placements);

    private sealed record DemoEmploymentFigures(List<DemoProgramme> Programmes, List<DemoCare> Care, DemoFairs JobFairs);

    private static async Task<string[]> TextsAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var texts = new List<string>();
        while (await reader.ReadAsync())
        {
            texts.Add(reader.GetString(0));
        }
        return [.. texts];
    }
}
