using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using Grpc.Core;
using Tianxin.Protos.Employment.V1;

using static Tianxin.EndToEnd.Tests.TracedCalls;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// Through the gateway: a street worker registers a seeker, the district records an employer and a posting,
/// the match lists the seeker with reasons, a training school records a course over gRPC, and the hire
/// raises the conversion rate, the quota and the figures; one trace per step.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class EmploymentTests(PlatformFixture platform)
{
    private static readonly int Year = DateTime.UtcNow.Year;

    [Fact]
    public async Task A_seeker_is_matched_with_reasons_trained_by_a_school_and_hired_and_the_figures_follow()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var qingyuan = await platform.StaffAsync("qingyuan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var person = await RegistryClient.RegisterAsync(yunan, "赵云", WorkingAgeBirthDate());
        await RegistryClient.IssueAsync(yunan, person.Id, category: 4, grade: 3);
        var figuresBefore = await FiguresAsync(officer);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var traces = new Dictionary<string, string>();

        await CertifiedInEmploymentAsync(person.Id);
        using var registered = await SendAsync(yunan, HttpMethod.Post, "/api/employment/seekers", new
        {
            personId = person.Id, education = "senior", skills = new[] { "包装", "电脑操作" }, desiredWork = "包装工", workingAbility = "full",
            preferredStreets = new[] { "430103001" },
        }, traces, "register");
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        using var employerCreated = await SendAsync(officer, HttpMethod.Post, "/api/employment/employers",
            new { creditCode = NewCreditCode(), name = "裕南福利包装厂", communityCode = TestPeople.NewTianCommunity, accessible = true }, traces, "employer");
        var employer = (await employerCreated.Content.ReadFromJsonAsync<EmployerAnswer>())!;
        using var postingCreated = await SendAsync(officer, HttpMethod.Post, "/api/employment/postings", new
        {
            employerId = employer.Id, title = "包装工", categories = new[] { 4 }, minGrade = 3, maxGrade = 4, hours = "full_time",
            skills = new[] { "包装" }, openings = 2,
        }, traces, "posting");
        var posting = (await postingCreated.Content.ReadFromJsonAsync<IdAnswer>())!;
        using var matched = await SendAsync(yunan, HttpMethod.Get, $"/api/employment/postings/{posting.Id}/candidates?limit=200", null, traces, "match");
        var candidates = (await matched.Content.ReadFromJsonAsync<List<CandidateAnswer>>())!;
        var outsiders = (await qingyuan.GetFromJsonAsync<List<CandidateAnswer>>($"/api/employment/postings/{posting.Id}/candidates?limit=200"))!;

        var school = await PartnerAsync("training-school-1");
        var client = new EmploymentService.EmploymentServiceClient(platform.GatewayGrpc);
        var course = await client.CreateCourseAsync(new CreateCourseRequest
        {
            Name = "电商包装定岗培训", Kind = "fixed_post", StartsOn = Text(today.AddMonths(-3)), EndsOn = Text(today.AddMonths(-2)), Capacity = 20,
        }, Traced(school, traces, "course"));
        var enrolment = await client.EnrolTraineeAsync(new EnrolTraineeRequest
        {
            CourseId = course.Id, PersonId = person.Id.ToString(), EnrolledOn = Text(today.AddMonths(-3)),
        }, school);
        await client.RecordAttendanceAsync(new RecordAttendanceRequest { EnrolmentId = enrolment.Id, SessionOn = Text(today.AddMonths(-3)), Present = true },
            school);
        var future = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordAttendanceAsync(
            new RecordAttendanceRequest { EnrolmentId = enrolment.Id, SessionOn = Text(today.AddDays(1)), Present = true }, school));
        var otherSchool = await Assert.ThrowsAsync<RpcException>(async () => await client.RecordAttendanceAsync(
            new RecordAttendanceRequest { EnrolmentId = enrolment.Id, SessionOn = Text(today.AddMonths(-3)), Present = false },
            await PartnerAsync("training-school-2")));
        var completed = await client.RecordCompletionAsync(new RecordCompletionRequest
        {
            EnrolmentId = enrolment.Id, CompletedOn = Text(today.AddMonths(-2)), CertificateNo = "JN-2026-001",
        }, Traced(school, traces, "completion"));
        var conversionBefore = await CourseConversionAsync(officer, course.Id);

        using var referred = await yunan.PostAsJsonAsync("/api/employment/referrals", new { postingId = posting.Id, personId = person.Id });
        var referral = (await referred.Content.ReadFromJsonAsync<IdAnswer>())!;
        using var interviewed = await yunan.PostAsJsonAsync($"/api/employment/referrals/{referral.Id}/interview", new { on = Text(today) });
        using var hired = await SendAsync(yunan, HttpMethod.Post, $"/api/employment/referrals/{referral.Id}/decision",
            new { hired = true, startedOn = Text(today) }, traces, "hire");
        var seeker = (await yunan.GetFromJsonAsync<SeekerAnswer>($"/api/employment/seekers/{person.Id}"))!;
        var conversionAfter = await CourseConversionAsync(officer, course.Id);
        using var declared = await SendAsync(officer, HttpMethod.Put, $"/api/employment/employers/{employer.Id}/years/{Year}",
            new { headcount = 150, disabledEmployees = 1, severeEmployees = 0, averageWage = 90000.00m }, traces, "quota");
        var quota = (await officer.GetFromJsonAsync<QuotaAnswer>($"/api/employment/employers/{employer.Id}/quota/{Year}"))!;
        var figuresAfter = await FiguresAsync(officer);

        var match = Assert.Single(candidates, c => c.PersonId == person.Id);
        Assert.Contains("适合肢体残疾3–4级 / suits physical grade 3–4", match.Reasons);
        Assert.Contains("住在同一社区 / lives in the same community", match.Reasons);
        Assert.Contains(match.Reasons, r => r.StartsWith("具备技能：包装", StringComparison.Ordinal));
        Assert.DoesNotContain(outsiders, c => c.PersonId == person.Id);
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Equal(["session_on"], RegistryClient.FieldViolations(future));
        Assert.Equal(StatusCode.PermissionDenied, otherSchool.StatusCode);
        Assert.Equal(("completed", 1), (completed.Status, completed.SessionsAttended));
        Assert.Equal(HttpStatusCode.OK, hired.StatusCode);
        Assert.Equal(("employer", employer.Id, $"referral:{referral.Id}"), (seeker.Employment!.Kind, seeker.Employment.EmployerId, seeker.Employment.Source));
        Assert.Equal((1, 0, 1, 1), (conversionBefore.Completed, conversionBefore.Converted, conversionAfter.Completed, conversionAfter.Converted));
        // 150 × 1.5% = 2.25 places; one grade 3 employee → 1.25 short × 90,000.00 = 112,500.00.
        Assert.Equal((2.25m, 1.25m, 112_500.00m, false), (quota.Required, quota.Shortfall, quota.Fund, quota.Compliant));
        Assert.Equal(figuresBefore.Employment.Employed + 1, figuresAfter.Employment.Employed);
        Assert.Equal(figuresBefore.Quota.Declared + 1, figuresAfter.Quota.Declared);
        Assert.Equal(figuresBefore.Quota.Fund + 112_500.00m, figuresAfter.Quota.Fund);
        Assert.Equal(figuresBefore.Training.Trained + 1, figuresAfter.Training.Trained);
        foreach (var (step, trace) in traces)
        {
            await Testing.Wait.UntilAsync(() => Task.FromResult(platform.Otlp.Spans.Any(s => s.TraceId == trace && s.Service == "employment")),
                TimeSpan.FromSeconds(30), () => $"No employment span in the trace of step {step}");
        }
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_a_second_payment_for_the_period_is_a_conflict()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var child = await RegistryClient.RegisterAsync(yunan, "小乔", DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12));
        await RegistryClient.IssueAsync(yunan, child.Id, category: 5, grade: 2);
        var adult = await RegistryClient.RegisterAsync(yunan, "黄忠", WorkingAgeBirthDate());
        await RegistryClient.IssueAsync(yunan, adult.Id, category: 4, grade: 1);

        using var badCode = await officer.PostAsJsonAsync("/api/employment/employers",
            new { creditCode = "91350100M000100Y44", name = "某公司", communityCode = TestPeople.NewTianCommunity });
        using var employerCreated = await officer.PostAsJsonAsync("/api/employment/employers",
            new { creditCode = NewCreditCode(), name = "某公司", communityCode = TestPeople.NewTianCommunity });
        var employer = (await employerCreated.Content.ReadFromJsonAsync<EmployerAnswer>())!;
        using var belowDisabled = await officer.PutAsJsonAsync($"/api/employment/employers/{employer.Id}/years/{Year}",
            new { headcount = 3, disabledEmployees = 5, severeEmployees = 0, averageWage = 50000 });
        using var negative = await officer.PutAsJsonAsync($"/api/employment/employers/{employer.Id}/years/{Year}",
            new { headcount = -1, disabledEmployees = 0, severeEmployees = 0, averageWage = 50000 });
        await CertifiedInEmploymentAsync(child.Id);
        using var tooYoung = await yunan.PostAsJsonAsync("/api/employment/seekers",
            new { personId = child.Id, education = "primary", desiredWork = "手工", workingAbility = "partial" });
        using var programmeCreated = await officer.PostAsJsonAsync("/api/employment/programmes", new
        {
            code = $"employment_relief_{Guid.NewGuid():N}"[..30], year = Year, name = "就业救助", budget = 10000.00m, maxAmount = 1000.00m, periodKind = "year",
        });
        var programme = (await programmeCreated.Content.ReadFromJsonAsync<IdAnswer>())!;
        using var threeDecimals = await officer.PostAsJsonAsync($"/api/employment/programmes/{programme.Id}/payments",
            new { personId = adult.Id, amount = 100.125m });
        await CertifiedInEmploymentAsync(adult.Id);
        using var paid = await officer.PostAsJsonAsync($"/api/employment/programmes/{programme.Id}/payments", new { personId = adult.Id, amount = 1000.00m });
        using var again = await officer.PostAsJsonAsync($"/api/employment/programmes/{programme.Id}/payments", new { personId = adult.Id, amount = 1000.00m });

        await AssertInvalidAsync(badCode, "creditCode");
        await AssertInvalidAsync(belowDisabled, "headcount");
        await AssertInvalidAsync(negative, "headcount");
        await AssertInvalidAsync(tooYoung, "personId");
        await AssertInvalidAsync(threeDecimals, "amount");
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task The_hr_bureau_recognises_a_hard_to_employ_seeker_reports_insurance_reads_and_publishes_postings_and_a_school_may_not()
    {
        using var yunan = await platform.StaffAsync("yunan-staff");
        using var officer = await platform.StaffAsync("district-officer");
        var person = await RegistryClient.RegisterAsync(yunan, "马超", WorkingAgeBirthDate());
        await RegistryClient.IssueAsync(yunan, person.Id, category: 2, grade: 2);
        await CertifiedInEmploymentAsync(person.Id);
        using var registered = await yunan.PostAsJsonAsync("/api/employment/seekers",
            new { personId = person.Id, education = "college", desiredWork = "文员", workingAbility = "full" });
        var before = await FiguresAsync(officer);
        var hr = await PartnerAsync("hr-bureau");
        var client = new EmploymentService.EmploymentServiceClient(platform.GatewayGrpc);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        var recognised = await client.RecogniseHardToEmployAsync(
            new RecogniseHardToEmployRequest { PersonId = person.Id.ToString(), Recognised = true, On = Text(today) }, hr);
        var insured = await client.ReportSocialInsuranceAsync(
            new ReportSocialInsuranceRequest { PersonId = person.Id.ToString(), Year = Year, Pension = true, Medical = true }, hr);
        var future = await Assert.ThrowsAsync<RpcException>(async () => await client.ReportSocialInsuranceAsync(
            new ReportSocialInsuranceRequest { PersonId = person.Id.ToString(), Year = Year + 1, Pension = true }, hr));
        var postings = await client.ListOpenPostingsAsync(new ListOpenPostingsRequest(), hr);
        var fair = await client.CreateJobFairAsync(new CreateJobFairRequest { Name = "人社局残疾人专场招聘会", HeldOn = Text(today), CommunityCode = TestPeople.NewTianCommunity },
            hr);
        fair = await client.AddFairEmployerAsync(new AddFairEmployerRequest { FairId = fair.Id, EmployerId = postings.Postings[0].EmployerId }, hr);
        var badFair = await Assert.ThrowsAsync<RpcException>(async () => await client.CreateJobFairAsync(
            new CreateJobFairRequest { Name = "无地点", HeldOn = Text(today), CommunityCode = "430103" }, hr));
        // Published after the fair counted the employer's postings.
        var posted = await client.CreatePostingAsync(new CreatePostingRequest
        {
            EmployerId = postings.Postings[0].EmployerId, Title = "数据标注员", Categories = { 4 }, MinGrade = 3, MaxGrade = 4, Hours = "part_time",
            Skills = { "电脑操作" }, Openings = 2,
        }, hr);
        var badPosting = await Assert.ThrowsAsync<RpcException>(async () => await client.CreatePostingAsync(new CreatePostingRequest
        {
            EmployerId = postings.Postings[0].EmployerId, Title = "数据标注员", MinGrade = 4, MaxGrade = 2, Hours = "sometimes", Openings = 0,
        }, hr));
        var schoolPosting = await Assert.ThrowsAsync<RpcException>(async () => await client.CreatePostingAsync(new CreatePostingRequest
        {
            EmployerId = postings.Postings[0].EmployerId, Title = "数据标注员", MinGrade = 3, MaxGrade = 4, Hours = "part_time", Openings = 1,
        }, await PartnerAsync("training-school-1")));
        using var matched = await officer.GetAsync($"/api/employment/postings/{posted.Id}/candidates");
        var listed = await client.ListOpenPostingsAsync(new ListOpenPostingsRequest(), hr);
        var school = await Assert.ThrowsAsync<RpcException>(async () => await client.ReportSocialInsuranceAsync(
            new ReportSocialInsuranceRequest { PersonId = person.Id.ToString(), Year = Year, Pension = false }, await PartnerAsync("training-school-1")));
        var seeker = (await yunan.GetFromJsonAsync<HardToEmployAnswer>($"/api/employment/seekers/{person.Id}"))!;
        var after = await FiguresAsync(officer);

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.True(recognised.HardToEmploy);
        Assert.True(seeker.HardToEmploy);
        Assert.True(insured.Pension && insured.Medical);
        Assert.Equal(StatusCode.InvalidArgument, future.StatusCode);
        Assert.Equal(["year"], RegistryClient.FieldViolations(future));
        Assert.NotEmpty(postings.Postings); // the demo's fair postings
        Assert.Contains(listed.Postings, p => p.Id == posted.Id && p.Title == "数据标注员" && p.MinGrade == 3 && p.Openings == 2);
        Assert.Equal(["hours", "min_grade", "openings"], RegistryClient.FieldViolations(badPosting).Order());
        Assert.Equal(StatusCode.PermissionDenied, schoolPosting.StatusCode);
        Assert.Equal(HttpStatusCode.OK, matched.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, school.StatusCode);
        Assert.Equal((1, 1), (fair.Employers, fair.Postings));
        Assert.Equal(["community_code"], RegistryClient.FieldViolations(badFair));
        Assert.Equal(before.JobFairs.Fairs + 1, after.JobFairs.Fairs);
        Assert.Equal((before.SocialInsurance.Reported + 1, before.SocialInsurance.Pension + 1),
            (after.SocialInsurance.Reported, after.SocialInsurance.Pension));
    }

    /// <summary>Until the registry's events have brought the person's certificate into employment's copy.</summary>
    private async Task CertifiedInEmploymentAsync(Guid personId)
    {
        await using var employment = new Npgsql.NpgsqlConnection(await platform.App.GetConnectionStringAsync("employment-db"));
        await employment.OpenAsync();
        await Testing.Wait.UntilAsync(async () =>
        {
            await using var certified = new Npgsql.NpgsqlCommand(
                "select exists (select 1 from eligibility_persons where person_id = $1 and grade is not null)", employment)
            {
                Parameters = { new() { Value = personId } },
            };
            return (bool)(await certified.ExecuteScalarAsync())!;
        }, TimeSpan.FromSeconds(60), () => "The registry's certificate never reached employment's copy");
    }

    private static DateOnly WorkingAgeBirthDate() => new DateOnly(1988, 1, 1).AddDays(Random.Shared.Next(0, 3650));

    /// <summary>A random unified social credit code with its GB 32100 check character, computed here independently of the service.</summary>
    private static string NewCreditCode()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var first17 = "91430103" + string.Concat(Enumerable.Range(0, 9).Select(_ => alphabet[Random.Shared.Next(alphabet.Length)]));
        var sum = first17.Select((c, i) => alphabet.IndexOf(c) * (int)System.Numerics.BigInteger.ModPow(3, i, 31)).Sum();
        return first17 + alphabet[(31 - sum % 31) % 31];
    }

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);



    private Task<Metadata> PartnerAsync(string client) => platform.PartnerHeadersAsync(client);

    private static async Task<FiguresAnswer> FiguresAsync(HttpClient officer) =>
        (await officer.GetFromJsonAsync<FiguresAnswer>($"/api/employment/figures/{Year}"))!;

    private static async Task<CourseConversionAnswer> CourseConversionAsync(HttpClient officer, string courseId) =>
        (await officer.GetFromJsonAsync<ConversionAnswer>($"/api/employment/training/conversion/{Year}"))!.Courses
        .Single(c => c.CourseId == Guid.Parse(courseId));

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([field], (await response.Content.ReadFromJsonAsync<ValidationAnswer>())!.Errors.Keys);
    }

    private sealed record IdAnswer(Guid Id);

    private sealed record EmployerAnswer(Guid Id, string CreditCode);

    private sealed record CandidateAnswer(Guid PersonId, int Score, List<string> Reasons);

    private sealed record EmploymentAnswer(string Kind, Guid? EmployerId, string Source);

    private sealed record SeekerAnswer(Guid PersonId, EmploymentAnswer? Employment);

    private sealed record QuotaAnswer(decimal Required, decimal Counted, decimal Shortfall, decimal Fund, bool Compliant);

    private sealed record CourseConversionAnswer(Guid CourseId, int Completed, int Converted);

    private sealed record ConversionAnswer(List<CourseConversionAnswer> Courses);

    private sealed record EmploymentRateAnswer(int AbleToWork, int Employed);

    private sealed record TrainingAnswer(int Able, int Trained);

    private sealed record QuotaFiguresAnswer(int Declared, decimal Fund);

    private sealed record InsuranceAnswer(int Reported, int Pension, int Medical);

    private sealed record HardToEmployAnswer(Guid PersonId, bool HardToEmploy);

    private sealed record FairsAnswer(int Fairs);

    private sealed record FiguresAnswer(EmploymentRateAnswer Employment, TrainingAnswer Training, QuotaFiguresAnswer Quota, InsuranceAnswer SocialInsurance,
        FairsAnswer JobFairs);
}
