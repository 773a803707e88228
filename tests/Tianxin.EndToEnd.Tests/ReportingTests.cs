using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Grpc.Core;
using Npgsql;
using Aspire.Hosting.Testing;
using Tianxin.Protos.Reporting.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// The year-end report and the targets drafted by the reporting service from the events the other services
/// publish, through the gateway and over gRPC.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReportingTests(PlatformFixture platform)
{
    private static readonly TimeSpan WithinAMinute = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The relief demo's 2019 cases are as many as the report counts when the district has enough demo persons
    /// (`./tianxin run`: 3,000); here it has 40, so the test holds the report to relief's own figures instead.
    /// </summary>
    [Fact]
    public async Task The_district_opens_the_2019_demo_report_as_a_page_and_as_word_and_its_relief_lines_equal_relief_s_own_figures()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var relief = (await officer.GetFromJsonAsync<ReliefFiguresAnswer>("/api/relief/figures?year=2019"))!.Programmes
            .Where(p => p.Code != "home_modification").ToList();
        Assert.NotEmpty(relief);

        ReportAnswer report = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            report = (await officer.GetFromJsonAsync<ReportAnswer>("/api/reporting/year-end/2019?format=json"))!;
            return relief.All(p => Granted(report, p.Code) == (p.People, p.Granted));
        }, WithinAMinute, () => "The report's relief lines never equalled relief's figures: " + string.Join("; ",
            relief.Select(p => $"{p.Code} relief {p.People}/{p.Granted} report {Granted(report, p.Code)}")));

        var targetedHelp = relief.Single(p => p.Code == "targeted_help");
        var line = report.Sections.SelectMany(s => s.Lines).First(l => l.Programme == "targeted_help");
        Assert.Equal($"为{targetedHelp.People}名建档立卡残疾人发放慰问金{Yuan(targetedHelp.Granted)}元", line.Text);
        var page = await officer.GetStringAsync("/api/reporting/year-end/2019");
        Assert.Contains(line.Text, page);
        Assert.Contains("<svg", page);
        await using var docx = await officer.GetStreamAsync("/api/reporting/year-end/2019?format=docx");
        using var copy = new MemoryStream();
        await docx.CopyToAsync(copy);
        using var document = WordprocessingDocument.Open(copy, false);
        Assert.Contains(line.Text + "。", document.MainDocumentPart!.Document.Body!.InnerText);
        Assert.NotEmpty(document.MainDocumentPart.ChartParts);
        ReconciliationAnswer reconciliation = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            reconciliation = (await officer.GetFromJsonAsync<ReconciliationAnswer>("/api/reporting/reconciliation?year=2019"))!;
            return reconciliation is { Differences: [], Unreachable: [] };
        }, WithinAMinute, () => "The 2019 demo never reconciled: " + string.Join("; ", reconciliation.Differences));
        Assert.True(reconciliation.Programmes >= relief.Count);
    }

    /// <summary>
    /// Rehabilitation's demo has the 2019 report's cases, decided and delivered on 2019's days, for as many of the 40 demo
    /// persons as each programme admits: its report lines carry rehabilitation's own figures. The eye screenings need no
    /// persons and carry the seed's 11,380.
    /// </summary>
    [Fact]
    public async Task The_2019_demo_report_s_rehabilitation_lines_equal_rehabilitation_s_own_figures()
    {
        (string Programme, string Measure, string Figure, Func<RehabilitationFiguresAnswer, decimal> Own)[] compared =
        [
            ("child_aid", "approved", "people", f => f.PeopleApproved), ("child_aid", "approved", "amount", f => f.Approved),
            ("hearing_aids", "devices", "people", f => f.PeopleFitted), ("hearing_aids", "devices", "items", f => f.ItemsFitted),
            ("prostheses", "devices", "people", f => f.PeopleFitted),
            ("assistive_devices", "devices", "people", f => f.PeopleFitted), ("assistive_devices", "devices", "items", f => f.ItemsFitted),
            ("assistive_devices", "devices", "amount", f => f.DevicesCost),
            ("eye_care", "screenings", "items", f => f.PeopleScreened), ("eye_care", "operations", "people", f => f.Operations),
            ("inclusive_education", "approved", "people", f => f.PeopleApproved), ("home_schooling", "approved", "people", f => f.PeopleApproved),
        ];
        using var officer = await platform.StaffAsync("district-officer");
        List<RehabilitationFiguresAnswer> rehabilitation = [];
        await Testing.Wait.UntilAsync(async () =>
                (rehabilitation = (await officer.GetFromJsonAsync<List<RehabilitationFiguresAnswer>>("/api/rehabilitation/figures?year=2019"))!)
                .Any(f => f.Code == "eye_care" && f.PeopleScreened == 11_380), // the screenings come last
            TimeSpan.FromSeconds(120), () => "Rehabilitation's 2019 demo never finished: " + string.Join(", ", rehabilitation.Select(f => f.Code)));
        List<string> differences = [];
        await Testing.Wait.UntilAsync(async () =>
        {
            var report = (await officer.GetFromJsonAsync<ReportAnswer>("/api/reporting/year-end/2019?format=json"))!;
            var lines = report.Sections.SelectMany(s => s.Lines).ToList();
            differences = [.. compared
                .Select(c => (c, Own: c.Own(rehabilitation.Single(f => f.Code == c.Programme)),
                    Report: lines.Where(l => l.Programme == c.Programme && l.Figures.ContainsKey(c.Measure)).Select(l => l.Figures[c.Measure].Of(c.Figure))
                        .FirstOrDefault()))
                .Where(x => x.Own != x.Report)
                .Select(x => $"{x.c.Programme} {x.c.Measure} {x.c.Figure}: rehabilitation {x.Own}, report {x.Report}")];
            return differences.Count == 0;
        }, WithinAMinute, () => "The report's 2019 rehabilitation lines differ: " + string.Join("; ", differences));
        await using var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("rehabilitation-db"));
        await database.OpenAsync();
        await using var days = new NpgsqlCommand(
            """
            select a.status, extract(year from a.decided_on)::int = 2019 and extract(year from a.completed_on)::int = 2019 as in_2019, count(*)
            from applications a join programmes p on p.id = a.programme_id
            where p.year = 2019 and a.submitted_by = 'demo-data' group by 1, 2
            """, database);
        await using var reader = await days.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(("completed", true), (reader.GetString(0), reader.GetBoolean(1)));
        Assert.False(await reader.ReadAsync(), "every demo case of 2019 is completed, decided and completed in 2019");
        Assert.All(rehabilitation, f => Assert.True(f.PeopleApproved > 0, f.Code + " has no 2019 case"));
    }

    [Fact]
    public async Task A_grant_made_through_relief_moves_the_figures_within_a_minute()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var code = "r" + Guid.NewGuid().ToString("N")[..12];
        using var programme = await officer.PostAsJsonAsync("/api/relief/programmes", new
        {
            code, year, name = "临时困难救助（报告测试）", budget = 1_000m, perCaseLimit = 500m, perPersonYearLimit = 500m, registeredPoorFirst = false,
        });
        Assert.True(programme.StatusCode == HttpStatusCode.Created, await programme.Content.ReadAsStringAsync());
        var programmeId = (await programme.Content.ReadFromJsonAsync<IdAnswer>())!.Id;
        var person = await RegistryClient.RegisterAsync(officer, "报告测试", TestPeople.RareBirthDate(), "430103002001");
        HttpResponseMessage submitted = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            submitted = await officer.PostAsJsonAsync("/api/relief/cases", new
            {
                programmeId, personId = person.Id, amount = 321.45m, cause = "住院治疗", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)),
            });
            return submitted.StatusCode == HttpStatusCode.Created;
        }, WithinAMinute, () => "Relief never knew the person: " + submitted.StatusCode);
        var caseId = (await submitted.Content.ReadFromJsonAsync<IdAnswer>())!.Id;
        using var granted = await officer.PostAsync($"/api/relief/cases/{caseId}/grant", null);
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        List<FigureAnswer> rows = [];
        await Testing.Wait.UntilAsync(async () =>
        {
            rows = (await officer.GetFromJsonAsync<List<FigureAnswer>>($"/api/reporting/figures?year={year}"))!
                .Where(r => r.Programme == code && r.Measure == "granted").ToList();
            return rows.Count > 0;
        }, WithinAMinute, () => "The grant never reached the report's figures");

        Assert.Equal((1L, 321.45m), (rows.Single(r => r.Month is null && r.Street is null).Figure.People, rows.Single(r => r.Month is null && r.Street is null).Figure.Amount));
        Assert.Equal(321.45m, rows.Single(r => r.Street == "430103002").Figure.Amount);
        var reconciled = (await officer.GetFromJsonAsync<ReconciliationAnswer>($"/api/reporting/reconciliation?year={year}"))!;
        Assert.Empty(reconciled.Unreachable);
        Assert.DoesNotContain(reconciled.Differences, d => d.Programme == code);

        // Behind the report's back: the ledger's payment changes by a fen, and no event says so.
        await using (var reliefDb = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("relief-db")))
        {
            await reliefDb.OpenAsync();
            await using var change = new NpgsqlCommand("update payments set amount = amount + 0.01 where programme = $1", reliefDb);
            change.Parameters.AddWithValue(code);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }
        var after = (await officer.GetFromJsonAsync<ReconciliationAnswer>($"/api/reporting/reconciliation?year={year}"))!;
        Assert.Equal(new DifferenceAnswer("relief", code, year, "money", 321.45m, 321.46m), after.Differences.Single(d => d.Programme == code));
    }

    [Fact]
    public async Task A_certificate_s_figures_are_counted_again_in_the_background_in_a_trace_linked_to_its_request()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var person = await RegistryClient.RegisterAsync(officer, "后台统计", TestPeople.RareBirthDate(), "430103002001");
        var issuedOn = DateTime.UtcNow.AddHours(8).AddDays(-1);
        Dictionary<string, string> traces = [];
        using var issued = await TracedCalls.SendAsync(officer, HttpMethod.Post, $"/api/registry/persons/{person.Id}/certificates",
            new { category = 2, grade = 3, on = issuedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, traces, "certificate");
        await using var reporting = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("reporting-db"));
        await reporting.OpenAsync();

        // No one asks the reporting service anything: its figures are read from its database alone.
        await Testing.Wait.UntilAsync(async () => await ScalarAsync(reporting,
                "select exists (select 1 from report_facts where person_id = $1 and measure = 'certificates_issued')", person.Id),
            WithinAMinute, () => "The certificate never reached the report");
        await Testing.Wait.UntilAsync(async () => await ScalarAsync(reporting,
                """
                select not exists (select 1 from report_figures_stale where year = $1)
                   and (select facts from report_figures where year = $1 and programme = 'registry' and measure = 'certificates_issued'
                                                           and month is null and street is null)
                     = (select count(*) from report_facts where year = $1 and programme = 'registry' and measure = 'certificates_issued')
                """, issuedOn.Year),
            WithinAMinute, () => "The kept figures were never counted again in the background");
        // The background count is a trace of its own, linked to the request whose event it counted.
        await Testing.Wait.UntilAsync(() => Task.FromResult(platform.Otlp.Spans.Any(span => span.Service == "reporting"
                && span.Name == "count the district's stale figures" && span.LinkedTraces.Contains(traces["certificate"]))),
            TimeSpan.FromSeconds(30), () => "No background count links to the certificate's trace");
    }

    private static async Task<bool> ScalarAsync(NpgsqlConnection connection, string sql, object value)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(value);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Street_staff_get_their_street_s_targets_and_not_the_district_report()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var year = DateTime.UtcNow.AddHours(8).Year;

        using var report = await yunan.GetAsync("/api/reporting/year-end/2019");
        var targets = (await yunan.GetFromJsonAsync<TargetsAnswer>($"/api/reporting/targets?year={year}"))!;
        using var elsewhere = await yunan.GetAsync($"/api/reporting/targets?year={year}&area=430103002");
        using var future = await yunan.GetAsync($"/api/reporting/targets?year={year + 1}");

        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
        Assert.Equal("430103001", targets.Area);
        Assert.Equal(["rehabilitation", "compulsory_education", "social_security", "two_subsidies"], targets.Targets.Select(t => t.Code));
        Assert.All(targets.Targets, t => Assert.All(t.Streets, s => Assert.Equal("430103001", s.Street)));
        Assert.All(targets.Targets, t => Assert.Equal(t.Numerator, t.Streets.Sum(s => s.Numerator)));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("area", await elsewhere.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
    }

    [Fact]
    public async Task The_education_and_hr_bureaus_reports_over_grpc_move_the_education_and_social_security_targets()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var pupil = await RegistryClient.RegisterAsync(officer, "报告学生", today.AddYears(-9).AddDays(-Random.Shared.Next(0, 300)), "430103005001");
        await RegistryClient.IssueAsync(officer, pupil.Id, category: 5, grade: 2);
        var adult = await RegistryClient.RegisterAsync(officer, "报告参保", TestPeople.RareBirthDate(), "430103005001");
        await RegistryClient.IssueAsync(officer, adult.Id, category: 4, grade: 3);
        var relief = new Tianxin.Protos.Relief.V1.ReliefService.ReliefServiceClient(platform.GatewayGrpc);
        var employment = new Tianxin.Protos.Employment.V1.EmploymentService.EmploymentServiceClient(platform.GatewayGrpc);
        var education = await platform.PartnerHeadersAsync("education-bureau");
        var hr = await platform.PartnerHeadersAsync("hr-bureau");

        // The services learn of the new holders from the registry's events, so the bureaus retry until they do.
        Tianxin.Protos.Relief.V1.SchoolingStatus schooling = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            try
            {
                schooling = await relief.ReportSchoolingAsync(new Tianxin.Protos.Relief.V1.ReportSchoolingRequest
                {
                    PersonId = pupil.Id.ToString(), Year = today.Year, Stage = "primary", Enrolled = true, School = "天心区实验小学",
                }, education);
                await employment.ReportSocialInsuranceAsync(new Tianxin.Protos.Employment.V1.ReportSocialInsuranceRequest
                {
                    PersonId = adult.Id.ToString(), Year = today.Year, Pension = true, Medical = true,
                }, hr);
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                return false;
            }
        }, WithinAMinute, () => "Relief or employment never knew the new holders");
        var unknownStage = await Assert.ThrowsAsync<RpcException>(async () => await relief.ReportSchoolingAsync(
            new Tianxin.Protos.Relief.V1.ReportSchoolingRequest { PersonId = pupil.Id.ToString(), Year = today.Year, Stage = "university", Enrolled = true },
            education));
        var notTheBureau = await Assert.ThrowsAsync<RpcException>(async () => await relief.ReportSchoolingAsync(
            new Tianxin.Protos.Relief.V1.ReportSchoolingRequest { PersonId = pupil.Id.ToString(), Year = today.Year, Enrolled = false },
            await platform.PartnerHeadersAsync("civil-affairs-bureau")));

        TargetsGapsAnswer targets = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            targets = (await officer.GetFromJsonAsync<TargetsGapsAnswer>($"/api/reporting/targets?year={today.Year}&area=430103005"))!;
            var counted = targets.Targets.Where(t => t.Code is "compulsory_education" or "social_security").ToList();
            return counted.All(t => t.HasData) && counted.All(t => t.Gaps.All(g => g.PersonId != pupil.Id && g.PersonId != adult.Id));
        }, WithinAMinute, () => "The bureaus' reports never reached the targets");

        Assert.Equal(("primary", true), (schooling.Stage, schooling.Enrolled));
        Assert.Equal(StatusCode.InvalidArgument, unknownStage.StatusCode);
        Assert.Contains("stage", RegistryClient.FieldViolations(unknownStage));
        Assert.Equal(StatusCode.PermissionDenied, notTheBureau.StatusCode);
        Assert.All(targets.Targets.Where(t => t.Code is "compulsory_education" or "social_security"), t => Assert.True(t.Numerator >= 1));
    }

    [Fact]
    public async Task The_city_federation_reads_the_report_and_targets_over_grpc_and_a_bad_year_is_named()
    {
        var client = new ReportingService.ReportingServiceClient(platform.GatewayGrpc);
        var headers = await platform.PartnerHeadersAsync("city-federation");

        var report = await client.GetYearEndReportAsync(new GetYearEndReportRequest { Year = 2019 }, headers);
        var targets = await client.GetTargetsAsync(new GetTargetsRequest { Year = 2019 }, headers);
        var bad = await Assert.ThrowsAsync<RpcException>(async () => await client.GetYearEndReportAsync(new GetYearEndReportRequest { Year = 1999 }, headers));

        Assert.Equal(["rehabilitation", "employment", "relief", "rights"], report.Sections.Select(s => s.Code));
        Assert.Equal("430103", targets.Area);
        Assert.Equal(4, targets.Targets_.Count);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Contains("year", RegistryClient.FieldViolations(bad));
    }

    private static (int, decimal) Granted(ReportAnswer report, string programme) =>
        report.Sections.SelectMany(s => s.Lines).Where(l => l.Programme == programme).Select(l => l.Figures["granted"])
            .Select(f => ((int)f.People, f.Amount)).FirstOrDefault();

    internal static string Yuan(decimal yuan) =>
        yuan == decimal.Truncate(yuan) ? yuan.ToString("0", CultureInfo.InvariantCulture) : yuan.ToString("0.00", CultureInfo.InvariantCulture);

    private sealed record IdAnswer(Guid Id);

    private sealed record ReliefProgrammeAnswer(string Code, int People, decimal Granted);

    private sealed record ReliefFiguresAnswer(List<ReliefProgrammeAnswer> Programmes);

    private sealed record RehabilitationFiguresAnswer(string Code, int PeopleApproved, decimal Approved, int PeopleFitted, int ItemsFitted,
        decimal DevicesCost, int PeopleScreened, int Operations);

    internal sealed record FigureValues(long Count, long People, long Households, long Items, decimal Amount)
    {
        /// <summary>One of the figures by its name: count, people, households, items or amount.</summary>
        public decimal Of(string figure) => figure switch
        {
            "count" => Count,
            "people" => People,
            "households" => Households,
            "items" => Items,
            _ => Amount,
        };
    }

    internal sealed record LineAnswer(string Programme, string Text, bool HasData, Dictionary<string, FigureValues> Figures);

    internal sealed record SectionAnswer(string Code, List<LineAnswer> Lines);

    internal sealed record ReportAnswer(int Year, List<SectionAnswer> Sections);

    private sealed record FigureAnswer(string Programme, string Measure, int? Month, string? Street, FigureValues Figure);

    private sealed record StreetAnswer(string Street, long Numerator, long Denominator);

    private sealed record TargetAnswer(string Code, long Numerator, long Denominator, List<StreetAnswer> Streets);

    internal sealed record DifferenceAnswer(string Service, string Programme, int Year, string Figure, decimal Report, decimal Ledger);

    internal sealed record ReconciliationAnswer(int Programmes, List<DifferenceAnswer> Differences, List<string> Unreachable);

    private sealed record TargetsAnswer(string Area, List<TargetAnswer> Targets);

    private sealed record GapAnswer(Guid PersonId, string CommunityCode);

    private sealed record TargetGapsAnswer(string Code, long Numerator, long Denominator, bool HasData, List<GapAnswer> Gaps);

    private sealed record TargetsGapsAnswer(string Area, List<TargetGapsAnswer> Targets);
}
