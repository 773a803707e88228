using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Postings;
using Tianxin.Employment.Features.Seekers;

namespace Tianxin.Employment.Tests;

[Collection(EmploymentDatabaseCollection.Name)]
public sealed class SeekerAndMatchingTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly AreaScope Yunan = new(AreaCode.TryParse("430103001")!);

    [Fact]
    public async Task Candidates_are_ranked_with_reasons_and_seekers_outside_the_callers_area_never_appear()
    {
        await using var dataSource = await database.NewAsync();
        var physical = await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource, category: 4, grade: 3, community: "430103003001"));
        var intellectual = await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource, category: 5, grade: 1));
        var elsewhere = await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource, category: 4, grade: 3,
            community: CopiedPersons.QingyuanCommunity));
        var employedAlready = await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource, category: 4, grade: 4));
        await new RecordEmployment(dataSource, new EligibilityCopy(dataSource), new EmploymentRecords(new Outbox(), Clock), Clock)
            .StartAsync(employedAlready, new EmploymentStartRequest("flexible", null, Clock.TodayInChina()), AreaScope.District, "test", default);
        var posting = await PostingAsync(dataSource);
        var matches = new FindMatches(dataSource, Clock);

        var district = (await matches.CandidatesAsync(posting.Id, AreaScope.District, 10, default)).Value;
        var yunan = (await matches.CandidatesAsync(posting.Id, Yunan, 10, default)).Value;

        Assert.Equal(new[] { physical, elsewhere, intellectual }.Order(), district.Select(c => c.PersonId).Order());
        Assert.DoesNotContain(district, c => c.PersonId == employedAlready);
        Assert.Equal([intellectual], yunan.Select(c => c.PersonId)); // 430103003001 and 430103006001 are other streets
        var best = district.Single(c => c.PersonId == physical);
        var worst = district.Single(c => c.PersonId == intellectual);
        Assert.True(best.Score > worst.Score);
        Assert.Contains("适合肢体残疾3–4级 / suits physical grade 3–4", best.Reasons);
        Assert.Contains("残疾类别或等级与岗位要求不符 / category or grade outside what the work suits", worst.Reasons);
    }

    [Fact]
    public async Task A_hire_from_a_referral_becomes_an_employment_record_with_the_postings_employer()
    {
        await using var dataSource = await database.NewAsync();
        var person = await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource));
        var posting = await PostingAsync(dataSource);
        var steps = new ReferralSteps(dataSource, new EligibilityCopy(dataSource), new EmploymentRecords(new Outbox(), Clock), Clock);
        var today = Clock.TodayInChina();

        var referral = (await new ReferSeeker(dataSource).HandleAsync(new ReferralRequest(posting.Id, person), Yunan, "worker", default)).Value;
        var again = await new ReferSeeker(dataSource).HandleAsync(new ReferralRequest(posting.Id, person), Yunan, "worker", default);
        await steps.InterviewAsync(referral.Id, new InterviewRequest(today.AddDays(-2)), Yunan, default);
        var hired = (await steps.DecideAsync(referral.Id, new HireDecisionRequest(true, today, null), Yunan, "worker", default)).Value;
        var twice = await steps.DecideAsync(referral.Id, new HireDecisionRequest(false, null, "改变主意"), Yunan, "worker", default);
        var seeker = (await Seeker.FindAsync(dataSource, person, Yunan, default))!;
        var matches = new FindMatches(dataSource, Clock);
        var whileHired = (await matches.CandidatesAsync(posting.Id, Yunan, 10, default)).Value;
        await new RecordEmployment(dataSource, new EligibilityCopy(dataSource), new EmploymentRecords(new Outbox(), Clock), Clock)
            .EndAsync(person, new EmploymentEndRequest(today, "试用期未通过"), Yunan, default);
        var afterLeaving = (await matches.CandidatesAsync(posting.Id, Yunan, 10, default)).Value;

        Assert.Equal((1L, 1L, 1L), (await OutboxMessages.CountAsync(dataSource, "SeekerRegistered"),
            await OutboxMessages.CountAsync(dataSource, "EmploymentStarted"), await OutboxMessages.CountAsync(dataSource, "EmploymentEnded")));
        Assert.DoesNotContain(whileHired, c => c.PersonId == person);
        Assert.Contains(afterLeaving, c => c.PersonId == person);
        Assert.IsType<Failure.Duplicate>(again.Failure);
        Assert.Equal("hired", hired.Status);
        Assert.Equal((hired.EmploymentRecordId, "employer", posting.EmployerId, $"referral:{referral.Id}"),
            (seeker.Employment?.Id, seeker.Employment?.Kind, seeker.Employment?.EmployerId, seeker.Employment?.Source));
        Assert.IsType<Failure.Conflict>(twice.Failure);
    }

    [Fact]
    public async Task Registration_refuses_a_seeker_outside_working_age_and_names_wrong_fields()
    {
        await using var dataSource = await database.NewAsync();
        var register = new RegisterSeeker(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock);
        var child = await CopiedPersons.AddAsync(dataSource, birthDate: Clock.TodayInChina().AddYears(-15));
        var retired = await CopiedPersons.AddAsync(dataSource, birthDate: new DateOnly(1950, 1, 1));

        var young = await register.HandleAsync(Request(child), Yunan, "worker", default);
        var old = await register.HandleAsync(Request(retired), Yunan, "worker", default);
        var wrong = await register.HandleAsync(Request(child) with { Education = "phd", WorkingAbility = "some", PreferredStreets = ["430104001"] },
            Yunan, "worker", default);

        Assert.Contains("personId", Assert.IsType<Failure.Invalid>(young.Failure).Errors.Keys);
        Assert.Contains("personId", Assert.IsType<Failure.Invalid>(old.Failure).Errors.Keys);
        Assert.Equal(["education", "preferredStreets", "workingAbility"], Assert.IsType<Failure.Invalid>(wrong.Failure).Errors.Keys.Order());
        Assert.Equal(0L, await dataSource.Command("select count(*) from seekers").ScalarAsync<long>(default));
    }

    [Fact]
    public async Task A_household_with_an_able_seeker_and_nobody_employed_is_listed_until_a_member_works()
    {
        await using var dataSource = await database.NewAsync();
        var household = Guid.NewGuid();
        var able = await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource, householdId: household));
        var other = await CopiedPersons.AddAsync(dataSource, householdId: household, sex: "female");
        await SeekerAsync(dataSource, await CopiedPersons.AddAsync(dataSource, householdId: Guid.NewGuid()), ability: "none");
        var households = new ZeroEmploymentHouseholds(dataSource, Clock);

        var before = await households.HandleAsync(Yunan, 0, 10, default);
        await new RecordEmployment(dataSource, new EligibilityCopy(dataSource), new EmploymentRecords(new Outbox(), Clock), Clock)
            .StartAsync(other, new EmploymentStartRequest("self_employed", null, Clock.TodayInChina()), Yunan, "test", default);
        var after = await households.HandleAsync(Yunan, 0, 10, default);

        var listed = Assert.Single(before.Items);
        Assert.Equal((household, "430103001"), (listed.HouseholdId, listed.StreetCode));
        Assert.Equal([able], listed.AbleMembers);
        Assert.Equal(0, after.Total);
    }

    [Fact]
    public async Task Employer_and_declaration_errors_name_their_fields()
    {
        await using var dataSource = await database.NewAsync();
        var badCode = await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("91350100M000100Y44", "某公司", "430103001001", false),
            "officer", default);
        var employer = (await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("91350100M000100Y43", "某公司", "430103001001", false),
            "officer", default)).Value;
        var declare = new DeclareEmployerYear(dataSource, new Outbox(), Clock);

        var negative = await declare.HandleAsync(employer.Id, 2026, new EmployerYearRequest(-1, 0, 0, 50_000m), "officer", default);
        var belowDisabled = await declare.HandleAsync(employer.Id, 2026, new EmployerYearRequest(5, 6, 0, 50_000m), "officer", default);
        var fen = await declare.HandleAsync(employer.Id, 2026, new EmployerYearRequest(50, 1, 0, 50_000.001m), "officer", default);
        var good = await declare.HandleAsync(employer.Id, 2026, new EmployerYearRequest(150, 1, 1, 90_000m), "officer", default);

        Assert.Contains("creditCode", Assert.IsType<Failure.Invalid>(badCode.Failure).Errors.Keys);
        Assert.Contains("headcount", Assert.IsType<Failure.Invalid>(negative.Failure).Errors.Keys);
        Assert.Contains("headcount", Assert.IsType<Failure.Invalid>(belowDisabled.Failure).Errors.Keys);
        Assert.Contains("averageWage", Assert.IsType<Failure.Invalid>(fen.Failure).Errors.Keys);
        Assert.Equal(22_500.00m, good.Value.Fund);
        Assert.Equal(1L, await OutboxMessages.CountAsync(dataSource, "QuotaAssessed"));
        Assert.Equal(good.Value, Assert.Single((await new EmployerQuota(dataSource).ForYearAsync(2026, employer.Id, default))!));
    }

    private static SeekerRequest Request(Guid person) => new(person, "senior", ["包装"], "包装工", "full", ["430103001"]);

    private static async Task<Guid> SeekerAsync(NpgsqlDataSource dataSource, Guid person, string ability = "full")
    {
        var registered = await new RegisterSeeker(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock)
            .HandleAsync(Request(person) with { WorkingAbility = ability, Skills = [] }, AreaScope.District, "worker", default);
        Assert.True(registered.Succeeded, registered.Failure?.ToString());
        return person;
    }

    private static async Task<Posting> PostingAsync(NpgsqlDataSource dataSource)
    {
        var employer = (await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("91110108551385082Q", "裕南包装厂", "430103001001", true),
            "officer", default)).Value;
        return (await new CreatePosting(dataSource).HandleAsync(
            new PostingRequest(employer.Id, "包装工", null, [4], 3, 4, null, "full_time", ["包装"], 3), "officer", default)).Value;
    }
}
