using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Npgsql;
using Tianxin.Protos.Rehabilitation.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>Programmes, needs, applications within budget and delivery by institutions, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RehabilitationTests(PlatformFixture platform)
{
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;

    [Fact]
    public async Task A_need_is_assessed_an_application_approved_within_budget_delivered_over_grpc_and_the_figures_follow()
    {
        using var communityWorker = await platform.StaffAsync("community-worker");
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await CreateProgrammeAsync(officer, minAge: 0, maxAge: 17, amount: 16_660.00m, budget: 100_000m);
        var child = await EligiblePersonAsync(communityWorker, "周不疑", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-8), category: 5, grade: 2);

        using var need = await communityWorker.PostAsJsonAsync("/api/rehabilitation/needs",
            new { personId = child, programmeCode = programme.Code, source = "home_visit", assessedOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        using var submitted = await communityWorker.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = child, programmeId = programme.Id });
        var application = (await submitted.Content.ReadFromJsonAsync<ApplicationAnswer>())!;
        var approvalTrace = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        using var approval = new HttpRequestMessage(HttpMethod.Post, $"/api/rehabilitation/applications/{application.Id}/approval")
        {
            Content = JsonContent.Create(new { institution = "rehab-institution-1" }),
        };
        approval.Headers.Add("traceparent", TraceParent(approvalTrace));
        using var approved = await officer.SendAsync(approval);
        var institution = await PartnerAsync("rehab-institution-1");
        var other = await PartnerAsync("rehab-institution-2");
        var client = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var assigned = await client.ListAssignedCasesAsync(new ListAssignedCasesRequest(), institution);
        var firstPage = await client.ListAssignedCasesAsync(new ListAssignedCasesRequest { PageSize = 1 }, institution);
        var secondPage = await client.ListAssignedCasesAsync(new ListAssignedCasesRequest { PageSize = 1, PageToken = firstPage.NextPageToken },
            institution);
        var badToken = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ListAssignedCasesAsync(new ListAssignedCasesRequest { PageToken = "not-a-token" }, institution));
        var notTheirs = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordSessionAsync(
            new RecordSessionRequest { CaseId = application.Id.ToString(), HeldOn = today, Kind = "认知训练", Minutes = 45, Therapist = "刘老师" }, other));
        var sessionTrace = System.Diagnostics.ActivityTraceId.CreateRandom().ToHexString();
        await client.RecordSessionAsync(new RecordSessionRequest
        {
            CaseId = application.Id.ToString(), HeldOn = today, Kind = "认知训练", Minutes = 45, Therapist = "刘老师",
        }, new Metadata { institution[0], { "traceparent", TraceParent(sessionTrace) } });
        await client.RecordDevicesAsync(new RecordDevicesRequest
        {
            CaseId = application.Id.ToString(), DeviceType = "站立架", Count = 2, Cost = "1280.50", FittedOn = today,
        }, institution);
        var completed = await client.CompleteCaseAsync(new CompleteCaseRequest
        {
            CaseId = application.Id.ToString(), CompletedOn = today, Outcome = "认知与运动功能改善", Spent = "15000.00",
        }, institution);
        var figures = (await officer.GetFromJsonAsync<List<FiguresAnswer>>($"/api/rehabilitation/figures?year={Year}"))!
            .Single(f => f.ProgrammeId == programme.Id);
        var overGrpc = (await client.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { Year = Year },
                new Metadata { { "Authorization", "Bearer " + await platform.StaffTokenAsync("district-officer") } }))
            .Programmes.Single(p => p.ProgrammeId == programme.Id.ToString());

        Assert.Equal(HttpStatusCode.Created, need.StatusCode);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains(assigned.Cases, c => c.Id == application.Id.ToString());
        Assert.Equal(assigned.Cases.Take(2).Select(c => c.Id), new[] { Assert.Single(firstPage.Cases).Id, Assert.Single(secondPage.Cases).Id });
        Assert.Equal(["page_token"], RegistryClient.FieldViolations(badToken));
        Assert.Equal(StatusCode.NotFound, notTheirs.StatusCode);
        Assert.Equal(("completed", 1, 2), (completed.Status, completed.Sessions, completed.Devices));
        Assert.Equal((1, 2, 1, 15_000.00m, 15_000.00m, 85_000.00m), (figures.PeopleServed, figures.ItemsFitted, figures.Sessions, figures.Spent,
            figures.Committed, figures.BudgetLeft));
        Assert.Equal((1, 1, 1.0m), (figures.NeedsAssessed, figures.NeedsServed, figures.Coverage));
        Assert.Equal(("15000.00", "85000.00", 1, "1"), (overGrpc.Spent, overGrpc.BudgetLeft, overGrpc.PeopleServed, overGrpc.Coverage));
        foreach (var trace in new[] { approvalTrace, sessionTrace })
        {
            await Testing.Wait.UntilAsync(() => Task.FromResult(new[] { "gateway", "rehabilitation" }.All(service =>
                    platform.Otlp.Spans.Any(span => span.TraceId == trace && span.Service == service))),
                TimeSpan.FromSeconds(30), () => $"The step's trace {trace} does not show both the gateway and the service");
        }
    }

    [Fact]
    public async Task Cases_needs_devices_screenings_and_operations_through_the_api_reconcile_with_the_report_and_a_change_behind_its_back_shows()
    {
        using var officer = await platform.StaffAsync("district-officer");
        using var created = await officer.PostAsJsonAsync("/api/rehabilitation/programmes", new
        {
            code = "t" + Guid.NewGuid().ToString("N")[..12], year = Year, name = "对账测试", minAge = 16, maxAge = 59, amountPerCase = 2_345.67m,
            budget = 50_000m, institutions = new[] { "rehab-institution-1", "hospital-1" },
        });
        var programme = (await created.Content.ReadFromJsonAsync<ProgrammeAnswer>())!;
        var fitted = await EligiblePersonAsync(officer, "对账测试", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-30), category: 2, grade: 3);
        var operated = await EligiblePersonAsync(officer, "对账手术", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-40), category: 1, grade: 3);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var need = await officer.PostAsJsonAsync("/api/rehabilitation/needs",
            new { personId = fitted, programmeCode = programme.Code, source = "home_visit", assessedOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        Assert.Equal(HttpStatusCode.Created, need.StatusCode);
        var application = await ApprovedAsync(officer, fitted, programme.Id, "rehab-institution-1");
        var operation = await ApprovedAsync(officer, operated, programme.Id, "hospital-1");
        var client = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);
        await client.RecordDevicesAsync(new RecordDevicesRequest
        {
            CaseId = application.ToString(), DeviceType = "助行器", Count = 3, Cost = "987.65", FittedOn = today,
        }, await PartnerAsync("rehab-institution-1"));
        var hospital = await PartnerAsync("hospital-1");
        await client.RecordScreeningAsync(new RecordScreeningRequest
        {
            ProgrammeCode = programme.Code, Year = Year, Place = "裕南街社区卫生服务中心", HeldOn = today, PeopleScreened = 57,
        }, hospital);
        await client.RecordOperationAsync(new RecordOperationRequest { CaseId = operation.ToString(), PerformedOn = today, Kind = "白内障复明手术" }, hospital);

        ReportingTests.ReconciliationAnswer reconciliation = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            reconciliation = (await officer.GetFromJsonAsync<ReportingTests.ReconciliationAnswer>($"/api/reporting/reconciliation?year={Year}"))!;
            return reconciliation.Unreachable.Count == 0 && reconciliation.Differences.All(d => d.Programme != programme.Code);
        }, TimeSpan.FromSeconds(60), () => "The programme never reconciled: " + string.Join("; ", reconciliation.Differences));
        // Behind the report's back: the fitting's cost changes by a fen, and no event says so.
        await using (var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("rehabilitation-db")))
        {
            await database.OpenAsync();
            await using var change = new NpgsqlCommand("update device_fittings set cost = cost + 0.01 where application_id = $1", database);
            change.Parameters.AddWithValue(application);
            Assert.Equal(1, await change.ExecuteNonQueryAsync());
        }
        var after = (await officer.GetFromJsonAsync<ReportingTests.ReconciliationAnswer>($"/api/reporting/reconciliation?year={Year}"))!;

        Assert.Equal(new ReportingTests.DifferenceAnswer("rehabilitation", programme.Code, Year, "devices.amount", 987.65m, 987.66m),
            after.Differences.Single(d => d.Programme == programme.Code));
    }

    /// <summary>Events already sent name the programme by its code and year: changing them would split its figures in the report.</summary>
    [Fact]
    public async Task A_programme_with_an_application_keeps_its_code_and_year_but_its_budget_may_change()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await CreateProgrammeAsync(officer, minAge: 16, maxAge: 59, amount: 100m, budget: 1_000m);
        var person = await EligiblePersonAsync(officer, "改码测试", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-25), category: 2, grade: 3);
        using var submitted = await officer.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = person, programmeId = programme.Id });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        using var recoded = await officer.PutAsJsonAsync($"/api/rehabilitation/programmes/{programme.Id}",
            ProgrammeBody(programme.Code + "x", 16, 59, 100m, 1_000m, version: programme.Version));
        using var rebudgeted = await officer.PutAsJsonAsync($"/api/rehabilitation/programmes/{programme.Id}",
            ProgrammeBody(programme.Code, 16, 59, 100m, 2_000m, version: programme.Version));

        Assert.Equal(HttpStatusCode.Conflict, recoded.StatusCode);
        Assert.Contains("code", await recoded.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, rebudgeted.StatusCode);
        Assert.Equal((programme.Code, 2_000m), ((await rebudgeted.Content.ReadFromJsonAsync<ProgrammeAnswer>())!.Code,
            (await officer.GetFromJsonAsync<List<ProgrammeAnswer>>($"/api/rehabilitation/programmes?year={Year}"))!.Single(p => p.Id == programme.Id).Budget));
    }

    [Fact]
    public async Task Fifty_concurrent_approvals_against_a_budget_for_twenty_approve_exactly_twenty()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await CreateProgrammeAsync(officer, minAge: 18, maxAge: 100, amount: 1_000m, budget: 20_000m);
        var persons = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            persons.Add(await EligiblePersonAsync(officer, "预算测试", TestPeople.RareBirthDate(), category: 4, grade: 3, waitForCopy: false));
        }
        await WaitForCopiesAsync(persons);
        var applications = new List<Guid>();
        foreach (var person in persons)
        {
            using var submitted = await officer.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = person, programmeId = programme.Id });
            Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
            applications.Add((await submitted.Content.ReadFromJsonAsync<ApplicationAnswer>())!.Id);
        }

        var answers = await Task.WhenAll(applications.Select(async id =>
        {
            using var response = await officer.PostAsJsonAsync($"/api/rehabilitation/applications/{id}/approval", new { institution = "rehab-institution-1" });
            return response.StatusCode;
        }));
        var after = (await officer.GetFromJsonAsync<List<ProgrammeAnswer>>($"/api/rehabilitation/programmes?year={Year}"))!.Single(p => p.Id == programme.Id);

        Assert.Equal(20, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(30, answers.Count(a => a == HttpStatusCode.Conflict));
        Assert.Equal(20_000m, after.Committed);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_rule_named()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var children = await CreateProgrammeAsync(officer, minAge: 0, maxAge: 17, amount: 100m, budget: 1_000m, categories: [5, 6]);
        var adult = await EligiblePersonAsync(yunan, "马谡", TestPeople.RareBirthDate(), category: 4, grade: 2);

        using var negative = await officer.PostAsJsonAsync("/api/rehabilitation/programmes", ProgrammeBody("bad_amount", 0, 17, -5m, 1_000m));
        using var absurd = await officer.PostAsJsonAsync("/api/rehabilitation/programmes", ProgrammeBody("bad_amount", 0, 17, 10_000_000_000_000m, 1_000m));
        using var ineligible = await yunan.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = adult, programmeId = children.Id });
        using var unknown = await yunan.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = adult, programmeId = Guid.NewGuid() });
        var refusal = (await ineligible.Content.ReadFromJsonAsync<ValidationAnswer>())!;

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Contains("amountPerCase", (await negative.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.BadRequest, absurd.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ineligible.StatusCode);
        Assert.Equal(["age", "category"], refusal.Errors.Keys.Order());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("programmeId", (await unknown.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);

        // A session in the future, one before the approval, and a second open application.
        var adults = await CreateProgrammeAsync(officer, minAge: 18, maxAge: 100, amount: 100m, budget: 1_000m);
        using var submitted = await yunan.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = adult, programmeId = adults.Id });
        using var again = await yunan.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = adult, programmeId = adults.Id });
        var application = (await submitted.Content.ReadFromJsonAsync<ApplicationAnswer>())!;
        await officer.PostAsJsonAsync($"/api/rehabilitation/applications/{application.Id}/approval", new { institution = "rehab-institution-1" });
        var institution = await PartnerAsync("rehab-institution-1");
        var client = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);
        var future = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordSessionAsync(new RecordSessionRequest
        {
            CaseId = application.Id.ToString(), HeldOn = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Kind = "运动康复", Minutes = 30, Therapist = "王老师",
        }, institution));
        var beforeApproval = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordSessionAsync(new RecordSessionRequest
        {
            CaseId = application.Id.ToString(), HeldOn = "2020-01-01", Kind = "运动康复", Minutes = 30, Therapist = "王老师",
        }, institution));
        var badCost = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordDevicesAsync(new RecordDevicesRequest
        {
            CaseId = application.Id.ToString(), DeviceType = "轮椅", Count = 1, Cost = "-3", FittedOn = "2020-01-01",
        }, institution));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Contains("held_on", RegistryClient.FieldViolations(future));
        Assert.Equal(StatusCode.FailedPrecondition, beforeApproval.StatusCode);
        Assert.Contains("before_approval", beforeApproval.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("cost", RegistryClient.FieldViolations(badCost));
    }

    [Fact]
    public async Task A_hospital_records_a_screening_and_an_operation_on_its_case()
    {
        using var officer = await platform.StaffAsync("district-officer");
        using var created = await officer.PostAsJsonAsync("/api/rehabilitation/programmes", new
        {
            code = "t" + Guid.NewGuid().ToString("N")[..12], year = Year, name = "光明关爱（测试）", categories = new[] { 1 }, amountPerCase = 1_500m,
            budget = 15_000m, institutions = new[] { "hospital-1" },
        });
        var programme = (await created.Content.ReadFromJsonAsync<ProgrammeAnswer>())!;
        var patient = await EligiblePersonAsync(officer, "左慈", TestPeople.RareBirthDate(), category: 1, grade: 3);
        using var submitted = await officer.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = patient, programmeId = programme.Id });
        var application = (await submitted.Content.ReadFromJsonAsync<ApplicationAnswer>())!;
        await officer.PostAsJsonAsync($"/api/rehabilitation/applications/{application.Id}/approval", new { institution = "hospital-1" });
        var hospital = await PartnerAsync("hospital-1");
        var client = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await client.RecordScreeningAsync(new RecordScreeningRequest
        {
            ProgrammeCode = programme.Code, Year = Year, Place = "裕南街社区卫生服务中心", HeldOn = today, PeopleScreened = 126,
        }, hospital);
        await client.RecordOperationAsync(new RecordOperationRequest { CaseId = application.Id.ToString(), PerformedOn = today, Kind = "白内障复明手术" }, hospital);
        var figures = (await client.GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { Year = Year },
                new Metadata { { "Authorization", "Bearer " + await platform.StaffTokenAsync("district-officer") } }))
            .Programmes.Single(p => p.ProgrammeId == programme.Id.ToString());

        Assert.Equal((1, 126, 1), (figures.Screenings, figures.PeopleScreened, figures.Operations));
    }

    [Fact]
    public async Task The_education_bureau_delivers_home_schooling_cases_assigned_to_it()
    {
        using var officer = await platform.StaffAsync("district-officer");
        using var created = await officer.PostAsJsonAsync("/api/rehabilitation/programmes", new
        {
            code = "t" + Guid.NewGuid().ToString("N")[..12], year = Year, name = "送教上门（测试）", minAge = 6, maxAge = 17, amountPerCase = 2_000m,
            budget = 20_000m, institutions = new[] { "education-bureau" },
        });
        var programme = (await created.Content.ReadFromJsonAsync<ProgrammeAnswer>())!;
        var pupil = await EligiblePersonAsync(officer, "曹冲", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10), category: 4, grade: 1);
        using var submitted = await officer.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = pupil, programmeId = programme.Id });
        var application = (await submitted.Content.ReadFromJsonAsync<ApplicationAnswer>())!;
        await officer.PostAsJsonAsync($"/api/rehabilitation/applications/{application.Id}/approval", new { institution = "education-bureau" });
        var bureau = await PartnerAsync("education-bureau");
        var client = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var recorded = await client.RecordSessionAsync(new RecordSessionRequest
        {
            CaseId = application.Id.ToString(), HeldOn = today, Kind = "送教上门：语文", Minutes = 90, Therapist = "区特教中心张老师",
        }, bureau);

        Assert.Equal(1, recorded.Sessions);
    }

    [Fact]
    public async Task An_institution_applies_for_a_certificate_holder_it_knows_by_certificate_number()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var programme = await CreateProgrammeAsync(officer, minAge: 18, maxAge: 100, amount: 500m, budget: 5_000m);
        var holder = await EligiblePersonAsync(officer, "华佗", TestPeople.RareBirthDate(), category: 4, grade: 2);
        var idNumber = (await officer.GetFromJsonAsync<PersonAnswer>($"/api/registry/persons/{holder}?purpose=机构代为申请核对"))!.IdNumber;
        var institution = await PartnerAsync("rehab-institution-1");
        var registry = new Protos.Registry.V1.RegistryService.RegistryServiceClient(platform.GatewayGrpc);
        var client = new RehabilitationService.RehabilitationServiceClient(platform.GatewayGrpc);

        var resolved = await registry.ResolveCertificateAsync(new Protos.Registry.V1.VerifyCertificateRequest { CertificateNumber = idNumber + "42" },
            institution);
        var submitted = await client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            PersonId = resolved.PersonId, ProgrammeCode = programme.Code, Year = Year,
        }, institution);
        var notContracted = await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            PersonId = resolved.PersonId, ProgrammeCode = "eye_care", Year = Year,
        }, institution));
        var forChildren = await CreateProgrammeAsync(officer, minAge: 0, maxAge: 17, amount: 500m, budget: 5_000m);
        var tooOld = await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitApplicationAsync(new SubmitApplicationRequest
        {
            PersonId = resolved.PersonId, ProgrammeCode = forChildren.Code, Year = Year,
        }, institution));
        var queue = await officer.GetFromJsonAsync<List<ApplicationAnswer>>($"/api/rehabilitation/applications?programmeId={programme.Id}");

        Assert.Equal((true, holder.ToString()), (resolved.Valid, resolved.PersonId));
        Assert.Equal("submitted", submitted.Status);
        Assert.Equal(StatusCode.InvalidArgument, notContracted.StatusCode);
        Assert.Contains(queue!, a => a.Id.ToString() == submitted.Id);
        // The institution learns that the holder is not eligible, not their age.
        Assert.Equal(["person_id"], RegistryClient.FieldViolations(tooOld));
        Assert.DoesNotContain("岁", tooOld.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_figures_equal_the_sums_of_the_records()
    {
        using var officer = await platform.StaffAsync("district-officer");
        var figures = await officer.GetFromJsonAsync<List<FiguresAnswer>>("/api/rehabilitation/figures");
        await using var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("rehabilitation-db"));
        await database.OpenAsync();

        Assert.NotEmpty(figures!); // the demo programmes at least
        foreach (var programme in figures!)
        {
            var records = await RecordsAsync(database, programme.ProgrammeId);
            Assert.Equal(records, (programme.Applications, programme.PeopleServed, programme.ItemsFitted, programme.Sessions, programme.Spent));
        }
    }

    /// <summary>The same figures computed here row by row, not with the service's query.</summary>
    private static async Task<(int, int, int, int, decimal)> RecordsAsync(NpgsqlConnection database, Guid programmeId)
    {
        var applications = new List<(Guid Id, Guid Person, string Status, decimal? Spent)>();
        await using (var select = new NpgsqlCommand("select id, person_id, status, spent from applications where programme_id = $1", database))
        {
            select.Parameters.AddWithValue(programmeId);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                applications.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetDecimal(3)));
            }
        }
        var items = 0;
        var sessions = 0;
        foreach (var application in applications)
        {
            await using var devices = new NpgsqlCommand("select count from device_fittings where application_id = $1", database);
            devices.Parameters.AddWithValue(application.Id);
            await using (var reader = await devices.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    items += reader.GetInt32(0);
                }
            }
            await using var held = new NpgsqlCommand("select id from service_sessions where application_id = $1", database);
            held.Parameters.AddWithValue(application.Id);
            await using (var reader = await held.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    sessions++;
                }
            }
        }
        var completed = applications.Where(a => a.Status == "completed").ToList();
        return (applications.Count, completed.Select(a => a.Person).Distinct().Count(), items, sessions, completed.Sum(a => a.Spent ?? 0));
    }

    private static async Task<Guid> ApprovedAsync(HttpClient officer, Guid person, Guid programme, string institution)
    {
        using var submitted = await officer.PostAsJsonAsync("/api/rehabilitation/applications", new { personId = person, programmeId = programme });
        var application = (await submitted.Content.ReadFromJsonAsync<ApplicationAnswer>())!;
        using var approved = await officer.PostAsJsonAsync($"/api/rehabilitation/applications/{application.Id}/approval", new { institution });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        return application.Id;
    }

    private async Task<ProgrammeAnswer> CreateProgrammeAsync(HttpClient officer, int minAge, int maxAge, decimal amount, decimal budget,
        int[]? categories = null)
    {
        using var created = await officer.PostAsJsonAsync("/api/rehabilitation/programmes",
            ProgrammeBody("t" + Guid.NewGuid().ToString("N")[..12], minAge, maxAge, amount, budget, categories));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<ProgrammeAnswer>())!;
    }

    private static object ProgrammeBody(string code, int minAge, int maxAge, decimal amount, decimal budget, int[]? categories = null,
        int? version = null) => new
    {
        code, year = Year, name = "测试项目", minAge, maxAge, categories, amountPerCase = amount, budget,
        institutions = new[] { "rehab-institution-1", "rehab-institution-2" }, version,
    };

    private async Task<Guid> EligiblePersonAsync(HttpClient staff, string name, DateOnly birthDate, int category, int grade, bool waitForCopy = true)
    {
        var person = await RegistryClient.RegisterAsync(staff, name, birthDate);
        await RegistryClient.IssueAsync(staff, person.Id, category, grade, on: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd",
            System.Globalization.CultureInfo.InvariantCulture));
        if (waitForCopy)
        {
            await WaitForCopiesAsync([person.Id]);
        }
        return person.Id;
    }

    /// <summary>The registry's events reach this service's copy a moment after the registry answers.</summary>
    private async Task WaitForCopiesAsync(IReadOnlyList<Guid> persons)
    {
        await using var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("rehabilitation-db"));
        await database.OpenAsync();
        await Testing.Wait.UntilAsync(async () =>
        {
            await using var count = new NpgsqlCommand("select count(*) from eligibility_persons where person_id = any($1) and category is not null", database);
            count.Parameters.AddWithValue(persons.ToArray());
            return (long)(await count.ExecuteScalarAsync())! == persons.Count;
        }, TimeSpan.FromSeconds(60), () => "The rehabilitation service's copy never caught up with the registry");
    }

    private static string TraceParent(string traceId) => $"00-{traceId}-{System.Diagnostics.ActivitySpanId.CreateRandom().ToHexString()}-01";

    private async Task<Metadata> PartnerAsync(string client) =>
        new() { { "Authorization", "Bearer " + await platform.Tokens.ForPartnerAsync(client) } };

    private sealed record ProgrammeAnswer(Guid Id, string Code, int Year, decimal Budget, decimal Committed, int Version = 0);

    private sealed record ApplicationAnswer(Guid Id, string Status);

    private sealed record FiguresAnswer(Guid ProgrammeId, decimal Budget, decimal Committed, decimal Spent, decimal BudgetLeft, int Applications,
        int PeopleServed, int ItemsFitted, int Sessions, int NeedsAssessed, int NeedsServed, decimal? Coverage);
}
