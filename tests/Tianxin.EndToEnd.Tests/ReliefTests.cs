using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Grpc.Core;
using MiniExcelLibs;
using Npgsql;
using Tianxin.Protos.Relief.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// The two subsidies found from the registry's events, decided in three steps, paid by monthly runs and the
/// bank's files; relief programmes within budget. Each test pays months of its own community and years,
/// which no demo enrolment reaches.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReliefTests(PlatformFixture platform)
{
    private const string YunanThirdCommunity = "430103001003";
    private const string SecondStreetCommunity = "430103002001";

    [Fact]
    public async Task A_grade_one_certificate_is_proposed_to_its_street_taken_through_three_steps_paid_and_ended_by_death_with_a_recovery()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        await SetRuleAsync(officer, 2023);
        var person = await RegistryClient.RegisterAsync(yunan, "庞统", TestPeople.RareBirthDate(), YunanThirdCommunity);
        var issueTrace = NewTrace();
        using var issue = new HttpRequestMessage(HttpMethod.Post, $"/api/registry/persons/{person.Id}/certificates")
        {
            Content = JsonContent.Create(new { category = 4, grade = 1, on = "2023-01-10" }),
        };
        issue.Headers.Add("traceparent", TraceParent(issueTrace));
        using var issued = await yunan.SendAsync(issue);
        var certificate = (await issued.Content.ReadFromJsonAsync<PersonAnswer>())!.Certificate!;

        var proposal = await ProposalAsync(yunan, person.Id, "care_subsidy");
        var spansBefore = ReliefSpans(issueTrace);
        await RedeliverCertificateEventAsync(certificate.Id);
        await Testing.Wait.UntilAsync(() => Task.FromResult(ReliefSpans(issueTrace) > spansBefore), TimeSpan.FromSeconds(30),
            () => "The relief service never received the redelivered event");
        var proposals = (await yunan.GetFromJsonAsync<EnrolmentPageAnswer>($"/api/relief/enrolments?personId={person.Id}&subsidy=care_subsidy"))!;
        var offers = (await yunan.GetFromJsonAsync<List<CaseAnswer>>("/api/relief/cases?status=submitted"))!.Where(c => c.PersonId == person.Id).ToList();
        var coverageBefore = await CareCoverageAsync(yunan);
        await TwoSubsidiesTargetAsync(officer, person.Id, stillToReach: true);

        var acceptTrace = NewTrace();
        using var acceptance = new HttpRequestMessage(HttpMethod.Post, $"/api/relief/enrolments/{proposal.Id}/acceptance")
        {
            Content = JsonContent.Create(new { approved = true, acceptedOn = "2023-02-10", bankAccount = "6217001234567890123", accountHolder = "庞统" }),
        };
        acceptance.Headers.Add("traceparent", TraceParent(acceptTrace));
        using var accepted = await yunan.SendAsync(acceptance);
        using var reviewed = await officer.PostAsJsonAsync($"/api/relief/enrolments/{proposal.Id}/review", new { approved = true });
        var civilAffairs = await PartnerAsync("civil-affairs-bureau");
        var client = new ReliefService.ReliefServiceClient(platform.GatewayGrpc);
        var toDecide = await client.ListEnrolmentsToDecideAsync(new ListEnrolmentsToDecideRequest(), civilAffairs);
        var decideTrace = NewTrace();
        var decided = await client.DecideEnrolmentAsync(new DecideEnrolmentRequest { EnrolmentId = proposal.Id.ToString(), Approved = true },
            new Metadata { civilAffairs[0], { "traceparent", TraceParent(decideTrace) } });
        var coverageAfter = await CareCoverageAsync(yunan);
        await TwoSubsidiesTargetAsync(officer, person.Id, stillToReach: false); // the report's live target moves within a minute

        var april = await DraftAsync(officer, "2023-04", YunanThirdCommunity);
        await ApproveAsync(officer, april.Id);
        var list = await PaymentListAsync(officer, april.Id, "csv");
        using var closed = await UploadResultsAsync(officer, april.Id, "results.csv", ResultsFile(list, ExcelType.CSV));

        using var death = await yunan.PostAsJsonAsync($"/api/registry/persons/{person.Id}/closure", new { reason = "deceased", on = "2023-03-15" });
        EnrolmentAnswer ended = null!;
        await Testing.Wait.UntilAsync(async () => (ended = (await yunan.GetFromJsonAsync<EnrolmentAnswer>($"/api/relief/enrolments/{proposal.Id}"))!)
            .Status == "ended", TimeSpan.FromSeconds(60), () => "The death never ended the enrolment");
        var may = await DraftAsync(officer, "2023-05", YunanThirdCommunity);
        var recoveries = await RowsAsync("select to_char(month, 'YYYY-MM') || ' ' || amount from recoveries where person_id = $1", person.Id);

        Assert.Equal(1, proposals.Total);
        Assert.Single(proposals.Items);
        Assert.Equal($"registry:{certificate.Id}", Assert.Single(offers).ReferredFrom); // the assessment fee of a first certificate
        Assert.Contains("护理补贴", proposal.MatchedRule, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        Assert.Contains(toDecide.Enrolments, e => e.Id == proposal.Id.ToString());
        Assert.Equal(("approved", "2023-02"), (decided.Status, decided.StartsMonth));
        Assert.Equal((coverageBefore.Eligible, coverageBefore.Enrolled + 1), (coverageAfter.Eligible, coverageAfter.Enrolled));
        Assert.Equal((3, 330.00m), (april.LineCount, april.Total)); // February and March as arrears, and April
        Assert.Equal(4, list.Count); // three lines and the control row
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        var aprilAfter = await RunAsync(officer, april.Id);
        Assert.Equal(("closed", 3), (aprilAfter.State, aprilAfter.PaidCount));
        Assert.Equal(HttpStatusCode.OK, death.StatusCode);
        Assert.Equal((new DateOnly(2023, 3, 1), "deceased"), (ended.EndsMonth!.Value, ended.EndReason));
        Assert.Equal(["2023-04 110.00"], recoveries);
        Assert.Equal(0, may.LineCount);
        foreach (var trace in new[] { acceptTrace, decideTrace })
        {
            await Testing.Wait.UntilAsync(() => Task.FromResult(new[] { "gateway", "relief" }.All(service =>
                    platform.Otlp.Spans.Any(span => span.TraceId == trace && span.Service == service))),
                TimeSpan.FromSeconds(30), () => $"The step's trace {trace} does not show both the gateway and the relief service");
        }
    }

    [Fact]
    public async Task A_bank_file_that_does_not_match_is_refused_whole_and_a_failed_line_is_paid_by_the_next_run_over_grpc_too()
    {
        using var officer = await platform.StaffAsync("district-officer");
        await SetRuleAsync(officer, 2022);
        foreach (var name in new[] { "糜竺", "孙乾" })
        {
            var person = await RegistryClient.RegisterAsync(officer, name, TestPeople.RareBirthDate(), SecondStreetCommunity);
            await RegistryClient.IssueAsync(officer, person.Id, category: 1, grade: 2, on: "2022-01-05");
            var proposal = await ProposalAsync(officer, person.Id, "care_subsidy");
            await EnrolAsync(officer, proposal.Id, "2022-03-05");
        }
        var march = await DraftAsync(officer, "2022-03", SecondStreetCommunity);
        await ApproveAsync(officer, march.Id);
        var list = await PaymentListAsync(officer, march.Id, "xlsx");
        var lines = list.Where(r => r["序号"]?.ToString() != "合计").ToList();

        var wrongTotal = ResultsFile(list, ExcelType.CSV, total: "999.00");
        var unknown = ResultsFile(list, ExcelType.CSV, replaceFirstPaymentId: Guid.NewGuid().ToString());
        var twice = ResultsFile([lines[0], lines[0], list[^1]], ExcelType.CSV, count: 2, total: "220.00");
        using var refusedTotal = await UploadResultsAsync(officer, march.Id, "results.csv", wrongTotal);
        using var refusedUnknown = await UploadResultsAsync(officer, march.Id, "results.csv", unknown);
        using var refusedTwice = await UploadResultsAsync(officer, march.Id, "results.csv", twice);
        using var wrongColumns = await UploadResultsAsync(officer, march.Id, "results.csv", "序号,金额\n1,110.00\n"u8.ToArray());
        using var tooLarge = await UploadResultsAsync(officer, march.Id, "results.csv", new byte[20 * 1024 * 1024 + 1]);
        var untouched = await RunAsync(officer, march.Id);
        using var accepted = await UploadResultsAsync(officer, march.Id, "results.xlsx", ResultsFile(list, ExcelType.XLSX, failFirst: true));
        var marchAfter = await RunAsync(officer, march.Id);

        var racing = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var response = await officer.PostAsJsonAsync("/api/relief/payment-runs",
                new { subsidy = "care_subsidy", month = "2022-04", area = SecondStreetCommunity });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));
        var april = await UntilDraftAsync(officer, System.Text.Json.JsonDocument.Parse(racing.Single(r => r.StatusCode == HttpStatusCode.Accepted).Body)
            .RootElement.GetProperty("id").GetGuid());
        await ApproveAsync(officer, april.Id);
        var bank = await PartnerAsync("bank-1");
        var client = new ReliefService.ReliefServiceClient(platform.GatewayGrpc);
        var fetched = await client.FetchPaymentListAsync(new FetchPaymentListRequest { RunId = april.Id.ToString() }, bank);
        var reported = await client.ReportBankResultsAsync(new ReportBankResultsRequest
        {
            RunId = april.Id.ToString(), LineCount = fetched.LineCount, Total = fetched.Total,
            Results = { fetched.Lines.Select(l => new BankResult { PaymentId = l.PaymentId, Amount = l.Amount, Result = "paid" }) },
        }, bank);
        var otherPartner = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.FetchPaymentListAsync(new FetchPaymentListRequest { RunId = april.Id.ToString() }, await PartnerAsync("civil-affairs-bureau")));

        Assert.Equal((2, 220.00m), (march.LineCount, march.Total));
        Assert.Equal(3, list.Count);
        Assert.Contains("control", await ErrorKeysAsync(refusedTotal));
        Assert.Equal(["row 2"], await ErrorKeysAsync(refusedUnknown));
        Assert.Equal(["row 3"], await ErrorKeysAsync(refusedTwice));
        Assert.Equal(["file"], await ErrorKeysAsync(wrongColumns));
        Assert.Equal(["file"], await ErrorKeysAsync(tooLarge));
        Assert.Equal(("exported", 0, 0), (untouched.State, untouched.PaidCount, untouched.FailedCount));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(("closed", 1, 1, 110.00m), (marchAfter.State, marchAfter.PaidCount, marchAfter.FailedCount, marchAfter.FailedTotal));
        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Conflict], racing.Select(r => r.StatusCode).Order());
        Assert.Equal((3, 330.00m), (april.LineCount, april.Total)); // the failed March line again, and two Aprils
        Assert.Equal((3, "330.00"), (fetched.LineCount, fetched.Total));
        Assert.Equal(("closed", 3, "330.00"), (reported.State, reported.PaidCount, reported.PaidTotal));
        Assert.Equal(StatusCode.PermissionDenied, otherPartner.StatusCode);
        Assert.Equal(0L, await ScalarAsync<long>(
            "select count(*) from (select payee_id, programme, period from payments where state <> 'failed' group by 1, 2, 3 having count(*) > 1) d"));
    }

    [Fact]
    public async Task Fifty_concurrent_temporary_relief_grants_against_a_budget_for_twenty_grant_exactly_twenty()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await ProgrammeAsync(officer, budget: 20 * 500m, perCase: 500m);
        var persons = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            persons.Add((await RegistryClient.RegisterAsync(officer, "预算测试", TestPeople.RareBirthDate())).Id);
        }
        await Testing.Wait.UntilAsync(async () => await ScalarAsync<long>("select count(*) from eligibility_persons where person_id = any($1)",
            persons.ToArray()) == persons.Count, TimeSpan.FromSeconds(60), () => "The relief service's copy never caught up with the registry");
        var cases = new List<Guid>();
        foreach (var person in persons)
        {
            using var submitted = await officer.PostAsJsonAsync("/api/relief/cases", new
            {
                programmeId = programme.Id, personId = person, amount = 500m, cause = "住院治疗", occurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)),
            });
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
            cases.Add((await submitted.Content.ReadFromJsonAsync<CaseAnswer>())!.Id);
        }

        var answers = await Task.WhenAll(cases.Select(async id =>
        {
            using var response = await officer.PostAsync($"/api/relief/cases/{id}/grant", null);
            return response.StatusCode;
        }));
        var after = (await officer.GetFromJsonAsync<List<ProgrammeAnswer>>($"/api/relief/programmes?year={programme.Year}"))!.Single(p => p.Id == programme.Id);

        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(30, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Equal((10_000m, 0m), (after.Committed, after.Left));
        Assert.Equal(20L, await ScalarAsync<long>("select count(*) from payments where budget_line_id = $1", programme.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named_and_nothing_is_written()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await ProgrammeAsync(officer, budget: 10_000m, perCase: 500m);
        var resident = await RegistryClient.RegisterAsync(yunan, "蒋琬", TestPeople.RareBirthDate());
        var elsewhere = await RegistryClient.RegisterAsync(officer, "费祎", TestPeople.RareBirthDate(), TestPeople.QingyuanCommunity);
        await Testing.Wait.UntilAsync(async () => await ScalarAsync<long>("select count(*) from eligibility_persons where person_id = any($1)",
            new[] { resident.Id, elsewhere.Id }) == 2, TimeSpan.FromSeconds(60), () => "The relief copy never caught up");
        var casesBefore = await ScalarAsync<long>("select count(*) from relief_cases where programme_id = $1", programme.Id);
        object Case(object? amount, Guid? programmeId = null, Guid? person = null, string? occurredOn = null) => new
        {
            programmeId = programmeId ?? programme.Id, personId = person ?? resident.Id, amount, cause = "火灾", occurredOn = occurredOn ?? "2026-01-05",
        };

        var answers = new Dictionary<string, HttpResponseMessage>
        {
            ["negative"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(-5m)),
            ["absurd"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(10_000_000_000_000m)),
            ["three decimals"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(12.345m)),
            ["over the limit"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(500.01m)),
            ["future"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(100m, occurredOn: DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ["unknown programme"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(100m, programmeId: Guid.NewGuid())),
            ["outside the area"] = await yunan.PostAsJsonAsync("/api/relief/cases", Case(100m, person: elsewhere.Id)),
            ["future month"] = await officer.PostAsJsonAsync("/api/relief/payment-runs",
                new { subsidy = "care_subsidy", month = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM", CultureInfo.InvariantCulture) }),
            ["unknown subsidy"] = await officer.PostAsJsonAsync("/api/relief/payment-runs", new { subsidy = "pension", month = "2024-01" }),
            ["negative rule"] = await officer.PutAsJsonAsync("/api/relief/subsidy-rules/care_subsidy/2024", new { monthlyAmount = -110m }),
            ["street runs"] = await yunan.PostAsJsonAsync("/api/relief/payment-runs", new { subsidy = "care_subsidy", month = "2024-01" }),
            ["page size"] = await yunan.GetAsync("/api/relief/enrolments?pageSize=0"),
        };
        var fields = new Dictionary<string, string>
        {
            ["negative"] = "amount", ["absurd"] = "amount", ["three decimals"] = "amount", ["over the limit"] = "amount", ["future"] = "occurredOn",
            ["unknown programme"] = "programmeId", ["future month"] = "month", ["unknown subsidy"] = "subsidy", ["negative rule"] = "monthlyAmount",
            ["page size"] = "pageSize",
        };
        var client = new ReliefService.ReliefServiceClient(platform.GatewayGrpc);
        var notAnId = await Assert.ThrowsAsync<RpcException>(async () => await client.DecideEnrolmentAsync(
            new DecideEnrolmentRequest { EnrolmentId = "12", Approved = true }, await PartnerAsync("civil-affairs-bureau")));
        var refusalWithoutReason = await Assert.ThrowsAsync<RpcException>(async () => await client.DecideEnrolmentAsync(
            new DecideEnrolmentRequest { EnrolmentId = Guid.NewGuid().ToString(), Approved = false }, await PartnerAsync("civil-affairs-bureau")));

        foreach (var (name, field) in fields)
        {
            Assert.True(answers[name].StatusCode == HttpStatusCode.BadRequest, $"{name}: {answers[name].StatusCode}");
            Assert.Contains(field, await ErrorKeysAsync(answers[name]));
        }
        Assert.Equal(HttpStatusCode.NotFound, answers["outside the area"].StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, answers["street runs"].StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, notAnId.StatusCode);
        Assert.Contains("enrolment_id", RegistryClient.FieldViolations(notAnId));
        Assert.Equal(StatusCode.InvalidArgument, refusalWithoutReason.StatusCode); // refusing without a reason
        Assert.Equal(casesBefore, await ScalarAsync<long>("select count(*) from relief_cases where programme_id = $1", programme.Id));
        foreach (var answer in answers.Values)
        {
            answer.Dispose();
        }
    }

    [Fact]
    public async Task The_figures_equal_the_sums_of_the_records()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var year = DateTime.UtcNow.AddHours(8).Year;
        var figures = (await officer.GetFromJsonAsync<FiguresAnswer>($"/api/relief/figures?year={year}"))!;
        var payments = await PaymentRowsAsync(year);
        var cases = await CaseRowsAsync(year);
        var of2019 = (await officer.GetFromJsonAsync<FiguresAnswer>("/api/relief/figures?year=2019"))!;
        var cases2019 = await CaseRowsAsync(2019);

        Assert.NotEmpty(figures.Subsidies); // the demo's closed runs at least
        Assert.NotEmpty(cases2019); // the demo's 2019 cases
        foreach (var programme in of2019.Programmes)
        {
            var granted = cases2019.Where(c => c.Programme == programme.ProgrammeId && c.Status == "granted").ToList();
            Assert.Equal((granted.Count, granted.Select(c => c.Person).Distinct().Count(), granted.Sum(c => c.Amount)),
                (programme.Cases, programme.People, programme.Granted));
        }
        foreach (var month in figures.Subsidies)
        {
            var rows = payments.Where(p => p.Programme == month.Subsidy && p.Period == month.Month).ToList();
            var paid = rows.Where(p => p.State == "paid").ToList();
            Assert.Equal((paid.Select(p => p.Payee).Distinct().Count(), paid.Count, paid.Sum(p => p.Amount), rows.Count(p => p.State == "pending"),
                    rows.Count(p => p.State == "failed")),
                (month.People, month.PaidPayments, month.Paid, month.PendingPayments, month.FailedPayments));
        }
        Assert.Equal(payments.Select(p => (p.Programme, p.Period)).Distinct().Count(), figures.Subsidies.Count);
        foreach (var programme in figures.Programmes)
        {
            var granted = cases.Where(c => c.Programme == programme.ProgrammeId && c.Status == "granted").ToList();
            Assert.Equal((granted.Count, granted.Select(c => c.Person).Distinct().Count(), granted.Sum(c => c.Amount)),
                (programme.Cases, programme.People, programme.Granted));
        }
    }

    [Fact]
    public async Task A_home_is_surveyed_planned_within_budget_modified_and_accepted_paying_what_it_cost()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await ProgrammeAsync(officer, budget: 10_000m, perCase: 8_000m);
        var first = await RegistryClient.RegisterAsync(yunan, "黄承彦", TestPeople.RareBirthDate());
        var second = await RegistryClient.RegisterAsync(yunan, "黄夫人", TestPeople.RareBirthDate());
        await Testing.Wait.UntilAsync(async () => await ScalarAsync<long>("select count(*) from eligibility_persons where person_id = any($1)",
            new[] { first.Id, second.Id }) == 2, TimeSpan.FromSeconds(60), () => "The relief copy never caught up");
        async Task<HomeAnswer> SurveyAsync(Guid person)
        {
            using var surveyed = await yunan.PostAsJsonAsync("/api/relief/home-modifications",
                new { programmeId = programme.Id, personId = person, rural = true, notes = "卫生间无扶手，门口台阶", surveyedOn = "2026-03-02" });
            Assert.True(surveyed.StatusCode == HttpStatusCode.Created, await surveyed.Content.ReadAsStringAsync());
            return (await surveyed.Content.ReadFromJsonAsync<HomeAnswer>())!;
        }

        var home = await SurveyAsync(first.Id);
        using var again = await yunan.PostAsJsonAsync("/api/relief/home-modifications",
            new { programmeId = programme.Id, personId = first.Id, rural = true, notes = "重复调查", surveyedOn = "2026-03-02" });
        using var overLimit = await officer.PostAsJsonAsync($"/api/relief/home-modifications/{home.Id}/plan", new { plan = "坡道", amount = 8_000.01m });
        using var planned = await officer.PostAsJsonAsync($"/api/relief/home-modifications/{home.Id}/plan", new { plan = "扶手、坡道", amount = 6_000m });
        using var early = await yunan.PostAsJsonAsync($"/api/relief/home-modifications/{home.Id}/acceptance", new { completedOn = "2026-04-01", spent = 5_500m });
        using var works = await yunan.PostAsJsonAsync($"/api/relief/home-modifications/{home.Id}/works", new { startedOn = "2026-03-20" });
        using var accepted = await officer.PostAsJsonAsync($"/api/relief/home-modifications/{home.Id}/acceptance", new { completedOn = "2026-04-01", spent = 5_500m });
        var other = await SurveyAsync(second.Id);
        using var tooLittleLeft = await officer.PostAsJsonAsync($"/api/relief/home-modifications/{other.Id}/plan", new { plan = "扶手", amount = 5_000m });
        var after = (await officer.GetFromJsonAsync<List<ProgrammeAnswer>>($"/api/relief/programmes?year={programme.Year}"))!.Single(p => p.Id == programme.Id);
        var figures = (await officer.GetFromJsonAsync<FiguresAnswer>($"/api/relief/figures?year={programme.Year}"))!.Programmes
            .Single(p => p.ProgrammeId == programme.Id);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("amount", await ErrorKeysAsync(overLimit));
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, early.StatusCode); // acceptance is the district's
        Assert.Equal(HttpStatusCode.OK, works.StatusCode);
        var completed = (await accepted.Content.ReadFromJsonAsync<HomeAnswer>())!;
        Assert.Equal(("completed", 5_500m), (completed.Status, completed.Spent!.Value));
        Assert.Equal(HttpStatusCode.Conflict, tooLittleLeft.StatusCode); // 4,500 left
        Assert.Equal((5_500m, 4_500m), (after.Committed, after.Left));
        Assert.Equal((1, 1, 5_500m), (figures.Cases, figures.People, figures.Granted));
        Assert.Equal(1L, await ScalarAsync<long>("select count(*) from payments where budget_line_id = $1 and amount = 5500", programme.Id));
    }

    [Fact]
    public async Task A_festival_campaign_lists_who_its_rule_selects_and_each_visit_is_paid_once_within_budget()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var qingyuan = await platform.StaffAsync("qingyuan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await ProgrammeAsync(officer, budget: 1_000m, perCase: 500m);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var holders = new List<Guid>();
        foreach (var name in new[] { "周仓", "廖化", "关平" })
        {
            var holder = await RegistryClient.RegisterAsync(yunan, name, TestPeople.RareBirthDate());
            await RegistryClient.IssueAsync(yunan, holder.Id, category: 4, grade: 2);
            holders.Add(holder.Id);
        }
        await Testing.Wait.UntilAsync(async () => await ScalarAsync<long>("select count(*) from eligibility_persons where person_id = any($1) and grade = 2",
            holders.ToArray()) == 3, TimeSpan.FromSeconds(60), () => "The relief copy never caught up");
        using var created = await officer.PostAsJsonAsync("/api/relief/campaigns", new
        {
            programmeId = programme.Id, festival = "disability_day", name = "助残日走访慰问（测试）", grades = new[] { 1, 2 }, amountPerVisit = 400m,
            visitsFrom = today.AddDays(-10), visitsTo = today.AddDays(10),
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var campaign = (await created.Content.ReadFromJsonAsync<CampaignAnswer>())!;
        var expected = await ScalarAsync<long>("select count(*) from eligibility_persons where status = 'active' and grade in (1, 2)");
        var list = (await yunan.GetFromJsonAsync<List<VisitAnswer>>($"/api/relief/campaigns/{campaign.Id}/visits?status=listed"))!;
        var visit = list[0];
        string VisitUrl(VisitAnswer v) => $"/api/relief/campaigns/{campaign.Id}/visits/{v.Id}";

        using var elsewhere = await qingyuan.PostAsJsonAsync(VisitUrl(visit), new { visitedOn = today });
        using var outsideDays = await yunan.PostAsJsonAsync(VisitUrl(visit), new { visitedOn = today.AddDays(-11) });
        using var tooMuch = await yunan.PostAsJsonAsync(VisitUrl(visit), new { visitedOn = today, amount = 500.01m });
        using var visited = await yunan.PostAsJsonAsync(VisitUrl(visit), new { visitedOn = today });
        using var again = await yunan.PostAsJsonAsync(VisitUrl(visit), new { visitedOn = today });
        using var second = await yunan.PostAsJsonAsync(VisitUrl(list[1]), new { visitedOn = today, amount = 500m });
        using var overBudget = await yunan.PostAsJsonAsync(VisitUrl(list[2]), new { visitedOn = today, amount = 200m });
        var after = (await officer.GetFromJsonAsync<List<ProgrammeAnswer>>($"/api/relief/programmes?year={programme.Year}"))!.Single(p => p.Id == programme.Id);

        Assert.Equal(expected, campaign.Listed);
        Assert.True(list.Count >= 3, $"only {list.Count} listed in 裕南街");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Contains("visitedOn", await ErrorKeysAsync(outsideDays));
        Assert.Contains("amount", await ErrorKeysAsync(tooMuch));
        var made = (await visited.Content.ReadFromJsonAsync<VisitAnswer>())!;
        Assert.Equal(("visited", 400m), (made.Status, made.Amount!.Value));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, overBudget.StatusCode); // 100 left
        Assert.Equal((900m, 100m), (after.Committed, after.Left));
        Assert.Equal(2L, await ScalarAsync<long>("select count(*) from payments where budget_line_id = $1", programme.Id));
    }

    [Fact]
    public async Task The_demo_has_the_2019_programmes_twelve_closed_runs_and_this_months_draft_of_each_subsidy()
    {
        var runs = await RowsAsync("select subsidy || ' ' || state || ' ' || count(*) from payment_runs where created_by = 'demo-data' group by subsidy, state order by 1");
        var targetedHelp = await RowsAsync("select b.budget::text from relief_programmes p join budget_lines b on b.id = p.id where p.code = 'targeted_help' and p.year = 2019");

        Assert.Equal(["care_subsidy closed 12", "care_subsidy draft 1", "living_subsidy closed 12", "living_subsidy draft 1"], runs);
        Assert.Equal(["86400.00"], targetedHelp);
        Assert.True(await ScalarAsync<long>("select count(*) from home_modifications where updated_by = 'demo-data' and status = 'completed'") > 0);
    }

    [Fact]
    public async Task Civil_affairs_pushes_a_households_minimum_living_over_grpc_and_the_living_subsidy_is_proposed_to_the_street()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var birthDate = TestPeople.RareBirthDate();
        var idNumber = TestPeople.NewIdNumber(birthDate);
        using var registered = await yunan.PostAsJsonAsync("/api/registry/persons", new { idNumber, name = "孟获", communityCode = YunanThirdCommunity });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var person = (await registered.Content.ReadFromJsonAsync<PersonAnswer>())!;
        await RegistryClient.IssueAsync(yunan, person.Id, category: 4, grade: 3);
        var registry = new Tianxin.Protos.Registry.V1.RegistryService.RegistryServiceClient(platform.GatewayGrpc);
        var civilAffairs = await PartnerAsync("civil-affairs-bureau");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Tianxin.Protos.Registry.V1.ReportHouseholdStatusRequest Push(bool inForce, DateOnly on) =>
            new() { IdNumber = idNumber, Status = "minimum_living", InForce = inForce, On = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source = "区民政局低保名单" };

        var withoutHousehold = await Assert.ThrowsAsync<RpcException>(async () => await registry.ReportHouseholdStatusAsync(Push(true, today), civilAffairs));
        using var household = await yunan.PostAsJsonAsync("/api/registry/households",
            new { communityCode = YunanThirdCommunity, members = new object[] { new { personId = person.Id, relationship = "head" } } });
        Assert.True(household.StatusCode == HttpStatusCode.Created, await household.Content.ReadAsStringAsync());
        var started = await registry.ReportHouseholdStatusAsync(Push(true, today.AddDays(-3)), civilAffairs);
        var again = await registry.ReportHouseholdStatusAsync(Push(true, today.AddDays(-3)), civilAffairs);
        var proposal = await ProposalAsync(yunan, person.Id, "living_subsidy");
        var inForce = (await yunan.GetFromJsonAsync<EligibilityAnswer>($"/api/relief/persons/{person.Id}/eligibility"))!;
        var registeredPoor = await Assert.ThrowsAsync<RpcException>(async () => await registry.ReportHouseholdStatusAsync(
            new Tianxin.Protos.Registry.V1.ReportHouseholdStatusRequest { IdNumber = idNumber, Status = "registered_poor", InForce = true, On = "2026-01-01", Source = "x" },
            civilAffairs));
        var notCivilAffairs = await Assert.ThrowsAsync<RpcException>(async () => await registry.ReportHouseholdStatusAsync(Push(false, today),
            await PartnerAsync("hospital-1")));
        var ended = await registry.ReportHouseholdStatusAsync(Push(false, today), civilAffairs);
        var statuses = (await yunan.GetFromJsonAsync<HouseholdStatusesAnswer>($"/api/registry/households/{started.HouseholdId}"))!.Statuses;
        EligibilityAnswer afterEnd = null!;
        await Testing.Wait.UntilAsync(async () =>
                (afterEnd = (await yunan.GetFromJsonAsync<EligibilityAnswer>($"/api/relief/persons/{person.Id}/eligibility"))!).Facts.HouseholdStatuses
                .Any(s => s.To == today),
            TimeSpan.FromSeconds(60), () => "Relief's copy never heard that the status ended");

        Assert.Equal(StatusCode.FailedPrecondition, withoutHousehold.StatusCode);
        Assert.Equal((true, false), (started.Changed, again.Changed));
        Assert.Equal(started.HouseholdId, again.HouseholdId);
        Assert.Contains("minimum_living", proposal.MatchedRule, StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, registeredPoor.StatusCode);
        Assert.Contains("status", RegistryClient.FieldViolations(registeredPoor));
        Assert.Equal(StatusCode.PermissionDenied, notCivilAffairs.StatusCode);
        Assert.True(ended.Changed);
        Assert.Equal([("minimum_living", today.AddDays(-3), (DateOnly?)today, "区民政局低保名单")],
            statuses.Select(s => (s.Status, s.EffectiveFrom, s.EffectiveTo, s.Source)));
        Assert.Equal([new PeriodAnswer("minimum_living", today.AddDays(-3), null)], inForce.Facts.HouseholdStatuses);
        Assert.NotNull(inForce.Facts.CertificateValidUntil);
        Assert.Empty(inForce.Subsidies.Single(c => c.Subsidy == "living_subsidy").Unmet);
        Assert.Equal([new PeriodAnswer("minimum_living", today.AddDays(-3), today)], afterEnd.Facts.HouseholdStatuses);
    }

    private async Task SetRuleAsync(HttpClient officer, int year)
    {
        using var set = await officer.PutAsJsonAsync($"/api/relief/subsidy-rules/care_subsidy/{year}",
            new { monthlyAmount = 110.00m, grades = new[] { 1, 2 }, excludedBy = new[] { "work_injury_care", "extreme_poverty_care" } });
        Assert.True(set.StatusCode == HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
    }

    /// <summary>Discovery puts the proposal on the street's worklist within a minute of the registry's change.</summary>
    private static async Task<EnrolmentAnswer> ProposalAsync(HttpClient staff, Guid person, string subsidy)
    {
        EnrolmentAnswer? found = null;
        await Testing.Wait.UntilAsync(async () => (found = (await staff.GetFromJsonAsync<EnrolmentPageAnswer>(
                $"/api/relief/enrolments?status=proposed&personId={person}&subsidy={subsidy}"))!.Items.SingleOrDefault()) is not null,
            TimeSpan.FromSeconds(60), () => $"No {subsidy} proposal for {person} within a minute");
        return found!;
    }

    private static async Task EnrolAsync(HttpClient officer, Guid enrolment, string acceptedOn)
    {
        foreach (var (step, body) in new (string, object)[]
        {
            ("acceptance", new { approved = true, acceptedOn, bankAccount = "6228480000" + Random.Shared.Next(100_000_000, 999_999_999), accountHolder = "测试户名" }),
            ("review", new { approved = true }), ("decision", new { approved = true }),
        })
        {
            using var response = await officer.PostAsJsonAsync($"/api/relief/enrolments/{enrolment}/{step}", body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<RunAnswer> DraftAsync(HttpClient officer, string month, string area)
    {
        using var started = await officer.PostAsJsonAsync("/api/relief/payment-runs", new { subsidy = "care_subsidy", month, area });
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        return await UntilDraftAsync(officer, (await started.Content.ReadFromJsonAsync<RunAnswer>())!.Id);
    }

    private static async Task<RunAnswer> UntilDraftAsync(HttpClient officer, Guid id)
    {
        RunAnswer run = null!;
        await Testing.Wait.UntilAsync(async () => (run = await RunAsync(officer, id)).State == "draft", TimeSpan.FromSeconds(60),
            () => $"The run is still {run.State}: {run.Computed} of {run.Entitlements}");
        return run;
    }

    private static async Task<RunAnswer> RunAsync(HttpClient officer, Guid id) =>
        (await officer.GetFromJsonAsync<RunAnswer>($"/api/relief/payment-runs/{id}"))!;

    private static async Task ApproveAsync(HttpClient officer, Guid run)
    {
        foreach (var step in new[] { "submission", "approval" })
        {
            using var response = await officer.PostAsync($"/api/relief/payment-runs/{run}/{step}", null);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{step}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<List<IDictionary<string, object?>>> PaymentListAsync(HttpClient officer, Guid run, string format)
    {
        var content = await officer.GetByteArrayAsync($"/api/relief/payment-runs/{run}/payment-list?format={format}");
        using var stream = new MemoryStream(content);
        return [.. stream.Query(useHeaderRow: true, excelType: format == "csv" ? ExcelType.CSV : ExcelType.XLSX).Cast<IDictionary<string, object?>>()];
    }

    /// <summary>The bank's answer: the list sent back with 结果 filled in, and its control row for the lines it reports.</summary>
    private static byte[] ResultsFile(IReadOnlyList<IDictionary<string, object?>> list, ExcelType format, bool failFirst = false, string? total = null,
        int? count = null, string? replaceFirstPaymentId = null)
    {
        var rows = list.Select((row, index) =>
        {
            var copy = new Dictionary<string, object?>(row);
            if (copy["序号"]?.ToString() == "合计")
            {
                copy["金额"] = total ?? copy["金额"];
                copy["笔数"] = count ?? copy["笔数"];
                return copy;
            }
            copy["结果"] = failFirst && index == 0 ? "失败" : "成功";
            copy["原因"] = failFirst && index == 0 ? "账户已冻结" : null;
            if (index == 0 && replaceFirstPaymentId is not null)
            {
                copy["付款编号"] = replaceFirstPaymentId;
            }
            return copy;
        }).ToList();
        using var output = new MemoryStream();
        output.SaveAs(rows, excelType: format);
        return output.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadResultsAsync(HttpClient officer, Guid run, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await officer.PostAsync($"/api/relief/payment-runs/{run}/bank-results", form);
    }

    private static async Task<List<string>> ErrorKeysAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys];

    /// <summary>
    /// Waits, a minute at most, until the report's 2023 target "every grade 1–2 holder in the two subsidies" lists the person
    /// as still to be reached, or no longer.
    /// </summary>
    private static async Task TwoSubsidiesTargetAsync(HttpClient officer, Guid personId, bool stillToReach)
    {
        var listed = !stillToReach;
        await Testing.Wait.UntilAsync(async () =>
        {
            var targets = (await officer.GetFromJsonAsync<TargetsAnswer>("/api/reporting/targets?year=2023"))!;
            listed = targets.Targets.Single(t => t.Code == "two_subsidies").Gaps.Any(gap => gap.PersonId == personId);
            return listed == stillToReach;
        }, TimeSpan.FromSeconds(60), () => $"The two-subsidies target still {(listed ? "lists" : "does not list")} the person as to be reached");
    }

    private static async Task<CoverageAnswer> CareCoverageAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<FiguresAnswer>("/api/relief/figures"))!.Coverage.Single(c => c.Subsidy == "care_subsidy");

    private async Task<ProgrammeAnswer> ProgrammeAsync(HttpClient officer, decimal budget, decimal perCase)
    {
        using var created = await officer.PostAsJsonAsync("/api/relief/programmes", new
        {
            code = "t" + Guid.NewGuid().ToString("N")[..12], year = DateTime.UtcNow.AddHours(8).Year, name = "临时困难救助（测试）", budget,
            perCaseLimit = perCase, perPersonYearLimit = perCase * 2, registeredPoorFirst = true,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<ProgrammeAnswer>())!;
    }

    /// <summary>The relay publishes the outbox row, with the same message id, again.</summary>
    private async Task RedeliverCertificateEventAsync(Guid certificateId)
    {
        await using var registry = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("registry-db"));
        await registry.OpenAsync();
        await using var republish = new NpgsqlCommand(
            """
            update outbox_messages set sent_at = null, next_attempt_at = now()
            where message_type like '%CertificateChanged%' and payload ->> 'certificateId' = $1
            """, registry);
        republish.Parameters.AddWithValue(certificateId.ToString());
        Assert.Equal(1, await republish.ExecuteNonQueryAsync());
    }

    private int ReliefSpans(string traceId) => platform.Otlp.Spans.Count(span => span.TraceId == traceId && span.Service == "relief");

    private async Task<NpgsqlConnection> ReliefDbAsync()
    {
        var connection = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("relief-db"));
        await connection.OpenAsync();
        return connection;
    }

    private async Task<T> ScalarAsync<T>(string sql, params object[] values)
    {
        await using var relief = await ReliefDbAsync();
        await using var command = new NpgsqlCommand(sql, relief);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<string>> RowsAsync(string sql, params object[] values)
    {
        await using var relief = await ReliefDbAsync();
        await using var command = new NpgsqlCommand(sql, relief);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    /// <summary>Every subsidy payment of the year, read row by row, not with the service's query.</summary>
    private async Task<List<(string Programme, string Period, string State, decimal Amount, Guid Payee)>> PaymentRowsAsync(int year)
    {
        await using var relief = await ReliefDbAsync();
        await using var command = new NpgsqlCommand(
            "select p.programme, p.period, p.state, p.amount, p.payee_id from payments p join payment_run_lines l on l.payment_id = p.id where p.period like $1",
            relief);
        command.Parameters.AddWithValue($"{year}-%");
        var rows = new List<(string, string, string, decimal, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetDecimal(3), reader.GetGuid(4)));
        }
        return rows;
    }

    /// <summary>Cases, home modifications and campaign visits of the year's programmes, a completed home or a visit counting as granted.</summary>
    private async Task<List<(Guid Programme, string Status, decimal Amount, Guid Person)>> CaseRowsAsync(int year)
    {
        await using var relief = await ReliefDbAsync();
        await using var command = new NpgsqlCommand(
            """
            select c.programme_id, c.status, c.amount, c.person_id from relief_cases c join relief_programmes p on p.id = c.programme_id where p.year = $1
            union all
            select h.programme_id, case when h.status = 'completed' then 'granted' else h.status end, coalesce(h.spent, 0), h.person_id
            from home_modifications h join relief_programmes p on p.id = h.programme_id where p.year = $1
            union all
            select c.programme_id, case when v.status = 'visited' then 'granted' else v.status end, coalesce(v.amount, 0), v.person_id
            from campaign_visits v join campaigns c on c.id = v.campaign_id join relief_programmes p on p.id = c.programme_id where p.year = $1
            """,
            relief);
        command.Parameters.AddWithValue(year);
        var rows = new List<(Guid, string, decimal, Guid)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.GetString(1), reader.GetDecimal(2), reader.GetGuid(3)));
        }
        return rows;
    }

    private static string NewTrace() => System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();

    private static string TraceParent(string traceId) => $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01";

    private async Task<Metadata> PartnerAsync(string client) =>
        new() { { "Authorization", "Bearer " + await platform.Tokens.ForPartnerAsync(client) } };

    private sealed record EnrolmentAnswer(Guid Id, Guid PersonId, string Subsidy, string Status, string MatchedRule, DateOnly? StartsMonth,
        DateOnly? EndsMonth, string? EndReason);

    private sealed record PeriodAnswer(string Status, DateOnly From, DateOnly? To);

    private sealed record CopiedFactsAnswer(List<PeriodAnswer> HouseholdStatuses, DateOnly? CertificateValidUntil);

    private sealed record SubsidyCheckAnswer(string Subsidy, List<string> Unmet);

    private sealed record EligibilityAnswer(CopiedFactsAnswer Facts, List<SubsidyCheckAnswer> Subsidies);

    private sealed record StatusAnswer(string Status, DateOnly EffectiveFrom, DateOnly? EffectiveTo, string Source);

    private sealed record HouseholdStatusesAnswer(List<StatusAnswer> Statuses);

    private sealed record EnrolmentPageAnswer(List<EnrolmentAnswer> Items, long Total, int Page, int PageSize);

    private sealed record RunAnswer(Guid Id, string State, int Entitlements, int Computed, int LineCount, decimal Total, int PaidCount,
        int FailedCount, decimal FailedTotal);

    private sealed record ProgrammeAnswer(Guid Id, int Year, decimal Budget, decimal Committed, decimal Left);

    private sealed record CaseAnswer(Guid Id, Guid PersonId, string Status, string? ReferredFrom);

    private sealed record CampaignAnswer(Guid Id, int Listed);

    private sealed record VisitAnswer(Guid Id, Guid PersonId, string Status, decimal? Amount);

    private sealed record HomeAnswer(Guid Id, string Status, decimal? Amount, decimal? Spent);

    private sealed record CoverageAnswer(string Subsidy, int Eligible, int Enrolled, decimal? Coverage);

    private sealed record GapAnswer(Guid PersonId);

    private sealed record TargetAnswer(string Code, List<GapAnswer> Gaps);

    private sealed record TargetsAnswer(List<TargetAnswer> Targets);

    private sealed record MonthAnswer(string Subsidy, string Month, int People, int PaidPayments, decimal Paid, int PendingPayments, decimal Pending,
        int FailedPayments);

    private sealed record ProgrammeFiguresAnswer(Guid ProgrammeId, int Cases, int People, decimal Granted);

    private sealed record FiguresAnswer(int Year, List<MonthAnswer> Subsidies, List<CoverageAnswer> Coverage, List<ProgrammeFiguresAnswer> Programmes);
}
