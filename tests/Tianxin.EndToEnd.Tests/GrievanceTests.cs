using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Npgsql;
using Tianxin.Protos.Grievance.V1;

using static Tianxin.EndToEnd.Tests.TracedCalls;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// Through the gateway: the hotline pushes an order over gRPC and a street worker signs and replies in time; the
/// call-back closes it and the rates move. A petition's clock on the district's list, a hardship grievance that
/// opens a relief case (with relief stopped while it is referred) and shows its outcome, and a defect on and off
/// its department's rectification list; one trace per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GrievanceTests(PlatformFixture platform)
{
    private static readonly int Year = DateTime.UtcNow.AddHours(8).Year;
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_hotline_order_is_signed_replied_and_called_back_over_grpc_and_the_rates_change()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var hotline = await PartnerAsync("hotline-12345");
        var client = new GrievanceService.GrievanceServiceClient(platform.GatewayGrpc);
        var staffGrpc = new Metadata { { "Authorization", "Bearer " + await platform.StaffTokenAsync("yunan-staff") } };
        var traces = new Dictionary<string, string>();
        var orderNo = "GD" + Guid.NewGuid().ToString("N")[..12];
        var push = new PushWorkOrderRequest
        {
            OrderNo = orderNo, OrderType = "help_request", ReceivedAt = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
            CommunityCode = TestPeople.NewTianCommunity, Subject = "accessibility", Narrative = "小区出入口无坡道，轮椅无法通行", CitizenName = "刘女士",
            CitizenPhone = "13900001111",
        };
        var before = await RatesAsync(yunan);

        var pushed = await client.PushWorkOrderAsync(push, Traced(hotline, traces, "push"));
        var again = await client.PushWorkOrderAsync(push, hotline);
        var caseId = pushed.Order.CaseId;
        using var signed = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/work-orders/{caseId}/sign", null, traces, "sign");
        var returned = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.ReturnWorkOrderAsync(new ReturnWorkOrderRequest { CaseId = caseId, Reason = "非本单位职责" }, staffGrpc));
        using var extension = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/work-orders/{caseId}/extension",
            new { workingDays = 2, reason = "需协调物业" }, traces, "extension");
        var approved = await client.DecideExtensionAsync(new DecideExtensionRequest { OrderNo = orderNo, Approved = true }, Traced(hotline, traces, "approve"));
        var replied = await client.ReplyWorkOrderAsync(new ReplyWorkOrderRequest { CaseId = caseId, Reply = "已协调物业加装坡道" },
            Traced(staffGrpc, traces, "reply"));
        var updates = await client.ListWorkOrderUpdatesAsync(new ListWorkOrderUpdatesRequest { AfterPosition = pushed.Order.Position }, hotline);
        var calledBack = await client.RecordCallBackAsync(new RecordCallBackRequest { OrderNo = orderNo, Satisfaction = "satisfied", Resolved = true },
            Traced(hotline, traces, "call-back"));
        var after = await RatesAsync(yunan);
        var refusedPush = await Assert.ThrowsAsync<RpcException>(async () => await client.PushWorkOrderAsync(
            new PushWorkOrderRequest { OrderNo = "bad no", OrderType = "gossip", ReceivedAt = "yesterday" }, hotline));
        var notTheHotline = await Assert.ThrowsAsync<RpcException>(async () => await client.PushWorkOrderAsync(push, await PartnerAsync("law-firm-1")));

        Assert.Equal((true, false, caseId), (pushed.Created, again.Created, again.Order.CaseId));
        Assert.Equal(StatusCode.FailedPrecondition, returned.StatusCode);
        Assert.Contains("signed", returned.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("approved", approved.ExtensionState);
        Assert.Equal("replied", replied.State);
        Assert.Equal(replied.Position, updates.LastPosition);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), updates.Orders.Single().SignedOn);
        Assert.Equal(("closed", "satisfied"), (calledBack.State, calledBack.Satisfaction));
        Assert.Equal(StatusCode.InvalidArgument, refusedPush.StatusCode);
        Assert.Subset(RegistryClient.FieldViolations(refusedPush).ToHashSet(), new HashSet<string> { "order_no", "order_type", "received_at", "community_code" });
        Assert.Equal(StatusCode.PermissionDenied, notTheHotline.StatusCode);
        var month = Today.ToString("yyyy-MM");
        var was = before.SingleOrDefault(r => r.Street == "430103001" && r.Month == month);
        var now = after.Single(r => r.Street == "430103001" && r.Month == month);
        Assert.Equal(((was?.Orders ?? 0) + 1, (was?.SignedOnTime ?? 0) + 1, (was?.ClosedOnTime ?? 0) + 1, (was?.Satisfied ?? 0) + 1),
            (now.Orders, now.SignedOnTime, now.ClosedOnTime, now.Satisfied));
        await AssertTracedAsync(traces);
    }

    [Fact]
    public async Task A_petitions_clock_shows_at_risk_and_breached_on_the_districts_list_and_another_street_sees_nothing()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var qingyuan = await platform.StaffAsync("qingyuan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        // Due 15 days after receipt, moved to the next working day past a weekend: at most two days left. Due 30 days ago is breached whatever the holidays.
        var atRisk = await PetitionAsync(yunan, Today.AddDays(-15));
        var breached = await PetitionAsync(yunan, Today.AddDays(-30));

        var list = (await officer.GetFromJsonAsync<AtRiskAnswer>("/api/grievance/cases/at-risk"))!;
        using var hidden = await qingyuan.GetAsync($"/api/grievance/cases/{atRisk}");
        using var routed = await qingyuan.PostAsJsonAsync($"/api/grievance/cases/{atRisk}/routing", new { action = "assign", toArea = "430103006001" });
        var qingyuanList = (await qingyuan.GetFromJsonAsync<AtRiskAnswer>("/api/grievance/cases/at-risk"))!;
        using var closedUnreplied = await yunan.PostAsJsonAsync($"/api/grievance/cases/{atRisk}/closure", new { closedOn = Today });
        using var unknownSubject = await yunan.PostAsJsonAsync("/api/grievance/cases", new
        {
            kind = "petition", channel = "letter", complainantName = "王小明", complainantPhone = "13812345678", subject = "weather",
            communityCode = TestPeople.NewTianCommunity, narrative = "诉求", receivedOn = Today,
        });

        Assert.Equal("at_risk", list.Cases.Single(c => c.Id == atRisk).ClockStatus);
        Assert.Equal("breached", list.Cases.Single(c => c.Id == breached).ClockStatus);
        var street = list.Streets.Single(s => s.Street == "430103001");
        Assert.True(street is { AtRisk: >= 1, Breached: >= 1 });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, routed.StatusCode);
        Assert.DoesNotContain(qingyuanList.Cases, c => c.Id == atRisk || c.Id == breached);
        Assert.Equal(HttpStatusCode.Conflict, closedUnreplied.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownSubject.StatusCode);
        Assert.Equal(["subject"], (await unknownSubject.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
    }

    [Fact]
    public async Task A_hardship_referral_made_while_relief_is_stopped_opens_one_relief_case_after_restart_and_its_grant_shows_on_the_grievance()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var person = await RegistryClient.RegisterAsync(yunan, "周困难", TestPeople.RareBirthDate());
        await RegistryClient.IssueAsync(yunan, person.Id, category: 4, grade: 2);
        await using var relief = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("relief-db"));
        await relief.OpenAsync();
        await Testing.Wait.UntilAsync(async () => await CountAsync(relief, "select count(*) from eligibility_persons where person_id = $1", person.Id) == 1,
            TimeSpan.FromSeconds(60), () => "The relief service's copy never received the person");
        var grievance = await PetitionAsync(yunan, Today, person.Id);
        var traces = new Dictionary<string, string>();

        await platform.App.ResourceCommands.ExecuteCommandAsync("relief", KnownResourceCommands.StopCommand);
        await platform.App.ResourceNotifications.WaitForResourceAsync("relief", KnownResourceStates.TerminalStates);
        using var referred = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/cases/{grievance}/referrals",
            new { target = "relief", summary = "被辞退后无收入，房租拖欠", requestedAmount = 800.00m }, traces, "refer");
        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileStopped = await CountAsync(relief, "select count(*) from relief_cases where referred_from = $1", $"grievance:{grievance}");
        await platform.App.ResourceCommands.ExecuteCommandAsync("relief", KnownResourceCommands.StartCommand);
        await platform.App.ResourceNotifications.WaitForResourceHealthyAsync("relief");
        await Testing.Wait.UntilAsync(async () => await CountAsync(relief, "select count(*) from relief_cases where referred_from = $1", $"grievance:{grievance}") == 1,
            TimeSpan.FromSeconds(90), () => "The referral never reached relief after its restart");
        await using var find = new NpgsqlCommand("select id from relief_cases where referred_from = $1", relief) { Parameters = { new() { Value = $"grievance:{grievance}" } } };
        var reliefCase = (Guid)(await find.ExecuteScalarAsync())!;
        using var granted = await SendAsync(officer, HttpMethod.Post, $"/api/relief/cases/{reliefCase}/grant", null, traces, "grant");
        CaseAnswer? shown = null;
        await Testing.Wait.UntilAsync(async () =>
        {
            shown = await yunan.GetFromJsonAsync<CaseAnswer>($"/api/grievance/cases/{grievance}");
            return shown!.Referrals.Single().Outcome is not null;
        }, TimeSpan.FromSeconds(60), () => "The relief outcome never reached the grievance");

        Assert.Equal(0, whileStopped);
        Assert.Equal(1, await CountAsync(relief, "select count(*) from relief_cases where referred_from = $1", $"grievance:{grievance}"));
        var referral = shown!.Referrals.Single();
        Assert.Equal(("relief", "granted"), (referral.Target, referral.Outcome));
        Assert.StartsWith("800.00 元", referral.OutcomeNote, StringComparison.Ordinal);
        await AssertTracedAsync(traces);
    }

    [Fact]
    public async Task A_dismissal_referred_to_employment_comes_back_with_the_labour_cases_outcome()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var person = await RegistryClient.RegisterAsync(yunan, "吴被辞", TestPeople.RareBirthDate());
        await RegistryClient.IssueAsync(yunan, person.Id, category: 4, grade: 3);
        // Employment files the labour case on the person's street once its copy knows the person.
        await using var employment = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("employment-db"));
        await employment.OpenAsync();
        await Testing.Wait.UntilAsync(async () => await CountAsync(employment, "select count(*) from eligibility_persons where person_id = $1", person.Id) == 1,
            TimeSpan.FromSeconds(60), () => "The employment service's copy never received the person");
        var grievance = await PetitionAsync(yunan, Today, person.Id);
        var traces = new Dictionary<string, string>();

        using var referred = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/cases/{grievance}/referrals",
            new { target = "employment", summary = "怀孕期间被辞退", disputeKind = "dismissal", employerName = "某物业公司" }, traces, "refer");
        LabourCaseAnswer? labourCase = null;
        await Testing.Wait.UntilAsync(async () => (labourCase = (await yunan.GetFromJsonAsync<List<LabourCaseAnswer>>("/api/employment/labour-cases?status=open"))!
            .SingleOrDefault(c => c.GrievanceId == grievance)) is not null, TimeSpan.FromSeconds(60), () => "The referral never reached employment");
        using var resolved = await SendAsync(yunan, HttpMethod.Post, $"/api/employment/labour-cases/{labourCase!.Id}/resolution",
            new { outcome = "reinstated", note = "经协调恢复劳动关系" }, traces, "resolve");
        CaseAnswer? shown = null;
        await Testing.Wait.UntilAsync(async () =>
        {
            shown = await yunan.GetFromJsonAsync<CaseAnswer>($"/api/grievance/cases/{grievance}");
            return shown!.Referrals.Single().Outcome is not null;
        }, TimeSpan.FromSeconds(60), () => "The labour case's outcome never reached the grievance");

        Assert.Equal(("employment", "reinstated", "经协调恢复劳动关系"), (shown!.Referrals.Single().Target, shown.Referrals.Single().Outcome,
            shown.Referrals.Single().OutcomeNote));
        await AssertTracedAsync(traces);
    }

    [Fact]
    public async Task A_law_firm_works_its_own_legal_aid_case_over_grpc_and_another_firm_cannot_reach_it()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var client = new GrievanceService.GrievanceServiceClient(platform.GatewayGrpc);
        var firm = await PartnerAsync("law-firm-1");
        var otherFirm = await PartnerAsync("law-firm-2");
        var traces = new Dictionary<string, string>();
        using var opened = await SendAsync(yunan, HttpMethod.Post, "/api/grievance/legal-aid",
            new { communityCode = TestPeople.NewTianCommunity, matter = "劳动争议仲裁代理", firm = "law-firm-1" }, traces, "open");
        var id = (await opened.Content.ReadFromJsonAsync<IdAnswer>())!.Id.ToString();

        var listedByOther = await client.ListLegalAidCasesAsync(new ListLegalAidCasesRequest(), otherFirm);
        var acceptedByOther = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.AcceptLegalAidCaseAsync(new AcceptLegalAidCaseRequest { Id = id }, otherFirm));
        var accepted = await client.AcceptLegalAidCaseAsync(new AcceptLegalAidCaseRequest { Id = id }, Traced(firm, traces, "accept"));
        var badDate = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordLegalAidActionAsync(
            new RecordLegalAidActionRequest { Id = id, Kind = "consultation", On = "tomorrow", Note = "咨询" }, firm));
        await client.RecordLegalAidActionAsync(new RecordLegalAidActionRequest { Id = id, Kind = "consultation", On = Today.ToString("yyyy-MM-dd"), Note = "解答仲裁程序" },
            Traced(firm, traces, "consultation"));
        var closed = await client.CloseLegalAidCaseAsync(new CloseLegalAidCaseRequest { Id = id, Outcome = "调解结案" }, Traced(firm, traces, "close"));

        Assert.DoesNotContain(listedByOther.Cases, c => c.Id == id);
        Assert.Equal(StatusCode.NotFound, acceptedByOther.StatusCode);
        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(StatusCode.InvalidArgument, badDate.StatusCode);
        Assert.Equal(["on"], RegistryClient.FieldViolations(badDate));
        Assert.Equal(("closed", "调解结案"), (closed.Status, closed.Outcome));
        await AssertTracedAsync(traces);
    }

    [Fact]
    public async Task A_defect_goes_onto_its_departments_rectification_list_and_off_it_when_verified_and_bad_files_are_refused()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        var department = "区城管局-" + Guid.NewGuid().ToString("N")[..6];
        var traces = new Dictionary<string, string>();
        using var outside = await yunan.PostAsJsonAsync("/api/grievance/defects", Defect(39.9087m, 116.3975m));
        using var reported = await SendAsync(yunan, HttpMethod.Post, "/api/grievance/defects", Defect(28.1120m, 112.9890m), traces, "report");
        var defect = (await reported.Content.ReadFromJsonAsync<DefectAnswer>())!;
        foreach (var (to, extra) in new[] { ("confirmed", (string?)null), ("assigned", department), ("fixing", null) })
        {
            using var step = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/defects/{defect.Id}/steps", new { to, on = Today, department = extra }, traces, to);
        }
        var listed = await RectificationAsync(yunan, department);
        using var sheet = await yunan.GetAsync($"/api/grievance/defects/rectification.xlsx?department={Uri.EscapeDataString(department)}");
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 0xFF, 0xD9 };
        using var photo = await UploadAsync(yunan, $"/api/grievance/defects/{defect.Id}/photos?fileName=fixed.jpg", jpeg, "image/jpeg");
        var photoId = (await photo.Content.ReadFromJsonAsync<AttachmentAnswer>())!.Id;
        var downloaded = await yunan.GetByteArrayAsync($"/api/grievance/attachments/{photoId}");
        using var text = await UploadAsync(yunan, $"/api/grievance/defects/{defect.Id}/photos?fileName=note.txt", [1, 2, 3], "text/plain");
        using var huge = await UploadAsync(yunan, $"/api/grievance/defects/{defect.Id}/photos?fileName=huge.jpg", new byte[11 * 1024 * 1024], "image/jpeg");
        using var fixedStep = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/defects/{defect.Id}/steps", new { to = "fixed", on = Today, photoId }, traces, "fixed");
        using var verified = await SendAsync(yunan, HttpMethod.Post, $"/api/grievance/defects/{defect.Id}/steps", new { to = "verified", on = Today }, traces, "verified");
        var afterVerification = await RectificationAsync(yunan, department);

        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Equal(["latitude", "longitude"], (await outside.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys.Order());
        Assert.Equal([defect.Id], listed.Select(d => d.Id));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jpeg, downloaded);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Empty(afterVerification);
        await AssertTracedAsync(traces);
    }

    [Fact]
    public async Task Grievance_s_records_reconcile_with_the_report_and_a_day_of_receipt_changed_behind_its_back_shows()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var petition = await PetitionAsync(yunan, Today);

        ReportingTests.ReconciliationAnswer reconciliation = null!;
        await Testing.Wait.UntilAsync(async () =>
        {
            reconciliation = (await officer.GetFromJsonAsync<ReportingTests.ReconciliationAnswer>($"/api/reporting/reconciliation?year={Today.Year}"))!;
            return reconciliation.Unreachable.Count == 0 && reconciliation.Differences.All(d => d.Service != "grievance");
        }, TimeSpan.FromSeconds(60), () => "Grievance never reconciled: " + string.Join("; ", reconciliation.Differences));
        // Behind the report's back: the petition's day of receipt moves to the year before, and no event says so.
        await using var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync("grievance-db"));
        await database.OpenAsync();
        Assert.Equal(1, await MoveReceiptAsync(database, petition, "- interval '1 year'"));
        ReportingTests.ReconciliationAnswer after;
        try
        {
            after = (await officer.GetFromJsonAsync<ReportingTests.ReconciliationAnswer>($"/api/reporting/reconciliation?year={Today.Year}"))!;
        }
        finally
        {
            // The tests after this one reconcile this year too.
            await MoveReceiptAsync(database, petition, "+ interval '1 year'");
        }

        var difference = after.Differences.Single(d => d.Service == "grievance");
        Assert.Equal(("petition", Today.Year, "received.count"), (difference.Programme, difference.Year, difference.Figure));
        Assert.Equal(difference.Report - 1, difference.Ledger);

        var client = new GrievanceService.GrievanceServiceClient(platform.GatewayGrpc);
        var district = new Metadata { { "Authorization", "Bearer " + await platform.StaffTokenAsync("district-officer") } };
        var tallies = await client.GetGrievanceTalliesAsync(new GetGrievanceTalliesRequest { Year = Today.Year }, district);
        var badYear = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetGrievanceTalliesAsync(new GetGrievanceTalliesRequest { Year = 1999 }, district));
        var partner = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.GetGrievanceTalliesAsync(new GetGrievanceTalliesRequest { Year = Today.Year }, await PartnerAsync("hotline-12345")));
        Assert.Equal(difference.Report, tallies.Tallies.Single(t => t is { Programme: "petition", Measure: "received" }).Count);
        Assert.Equal(StatusCode.InvalidArgument, badYear.StatusCode);
        Assert.Equal(["year"], RegistryClient.FieldViolations(badYear));
        Assert.Equal(StatusCode.PermissionDenied, partner.StatusCode);
    }

    private static async Task<int> MoveReceiptAsync(NpgsqlConnection database, Guid caseId, string by)
    {
        await using var change = new NpgsqlCommand($"update grievance_cases set received_on = received_on {by} where id = $1", database);
        change.Parameters.AddWithValue(caseId);
        return await change.ExecuteNonQueryAsync();
    }

    private static object Defect(decimal latitude, decimal longitude) => new
    {
        type = "curb_ramp", address = "书院路与劳动路交叉口东北角", latitude, longitude, clause = "3.1.2", description = "缘石坡道坡度过陡",
        communityCode = TestPeople.NewTianCommunity, reportedOn = Today,
    };

    private static async Task<Guid> PetitionAsync(HttpClient staff, DateOnly receivedOn, Guid? personId = null)
    {
        using var response = await staff.PostAsJsonAsync("/api/grievance/cases", new
        {
            kind = "petition", channel = "letter", personId, complainantName = personId is null ? "王小明" : null,
            complainantPhone = personId is null ? "13812345678" : null, subject = personId is null ? "rent" : "hardship",
            communityCode = TestPeople.NewTianCommunity, narrative = "房东拖欠退还押金", receivedOn,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<IdAnswer>())!.Id;
    }

    private static async Task<List<RatesAnswer>> RatesAsync(HttpClient staff) =>
        (await staff.GetFromJsonAsync<List<RatesAnswer>>($"/api/grievance/work-orders/rates/{Year}"))!;

    private static async Task<List<DefectAnswer>> RectificationAsync(HttpClient staff, string department) =>
        (await staff.GetFromJsonAsync<List<DefectAnswer>>($"/api/grievance/defects/rectification?department={Uri.EscapeDataString(department)}"))!;

    /// <summary>With Expect: 100-continue, as a careful client sends a large file: a refusal on the headers alone comes before the body is sent.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient staff, string path, byte[] body, string type)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        request.Headers.ExpectContinue = true;
        return await staff.SendAsync(request);
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string sql, object value)
    {
        await using var command = new NpgsqlCommand(sql, connection) { Parameters = { new() { Value = value } } };
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task AssertTracedAsync(Dictionary<string, string> traces)
    {
        foreach (var (step, trace) in traces)
        {
            await Testing.Wait.UntilAsync(() => Task.FromResult(platform.Otlp.Spans.Any(s => s.TraceId == trace && s.Service is "grievance" or "relief" or "employment")),
                TimeSpan.FromSeconds(30), () => $"No grievance, relief or employment span in the trace of step {step}");
        }
    }



    private Task<Metadata> PartnerAsync(string client) => platform.PartnerHeadersAsync(client);

    private sealed record IdAnswer(Guid Id);

    private sealed record RatesAnswer(string Street, string Month, int Orders, int SignedOnTime, int Closed, int ClosedOnTime, int CalledBack, int Satisfied,
        int Resolved);

    private sealed record AtRiskCaseAnswer(Guid Id, string Street, string ClockStatus);

    private sealed record StreetAnswer(string Street, int AtRisk, int Breached);

    private sealed record AtRiskAnswer(List<StreetAnswer> Streets, List<AtRiskCaseAnswer> Cases);

    private sealed record ReferralAnswer(string Target, string? Outcome, string? OutcomeNote);

    private sealed record CaseAnswer(Guid Id, string Stage, List<ReferralAnswer> Referrals);

    private sealed record DefectAnswer(Guid Id, string State);

    private sealed record LabourCaseAnswer(Guid Id, Guid GrievanceId, string Status);

    private sealed record AttachmentAnswer(Guid Id);
}
