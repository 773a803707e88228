using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Cases;
using Tianxin.Relief.Features.EducationAid;
using Tianxin.Relief.Features.Schooling;

namespace Tianxin.Relief.Tests;

/// <summary>The education bureau's schooling reports and education aid per school stage, for students and for children linked by household.</summary>
[Collection(ReliefDatabaseCollection.Name)]
public sealed class EducationAidTests(ReliefDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly int Year = Clock.TodayInChina().Year;
    private static readonly AreaScope Yunan = new(AreaCode.TryParse("430103001")!);

    [Fact]
    public async Task A_disabled_student_is_aided_at_the_amount_of_the_stage_the_education_bureau_reported_once_a_year()
    {
        await using var dataSource = await database.NewAsync();
        await ProgrammeAsync(dataSource);
        var student = await PersonAsync(dataSource, grade: 2);
        var report = new ReportSchooling(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock);

        await report.HandleAsync(new SchoolingReport(student, Year, "junior_secondary", true, "天心区第一中学"), "education-bureau", default);
        var reported = await report.HandleAsync(new SchoolingReport(student, Year, "higher", true, "湖南师范大学"), "education-bureau", default);
        await new SetEducationAidRule(dataSource).HandleAsync(Year, "higher", new EducationAidRuleRequest(6_000m, "测试通知"), "officer", default);
        var apply = new ApplyForEducationAid(dataSource, new EligibilityCopy(dataSource), Clock);
        var aid = await apply.HandleAsync(new EducationAidRequest(student, "self", null, null, Year), Yunan, "worker", default);
        var again = await apply.HandleAsync(new EducationAidRequest(student, "self", null, "higher", Year), Yunan, "worker", default);
        var granted = await new GrantReliefCase(dataSource, new Outbox(), Clock).HandleAsync(aid.Value.Id, AreaScope.District, "officer", default);

        Assert.Equal(("higher", true), (reported.Value.Stage, reported.Value.Enrolled));
        Assert.Equal(["higher"], await dataSource.Command("select stage from schooling where person_id = $1", student).ReadAllAsync(r => r.GetString(0), default));
        Assert.Equal(2L, await dataSource.Command("select count(*) from outbox_messages where message_type like '%SchoolingReported%'").ScalarAsync<long>(default));
        Assert.Equal((6_000m, "submitted"), (aid.Value.Amount, aid.Value.Status));
        Assert.IsType<Failure.Duplicate>(again.Failure);
        Assert.Equal("granted", granted.Value.Status);
    }

    [Fact]
    public async Task A_child_of_a_poor_disabled_parent_is_aided_through_the_household_and_a_household_not_poor_is_refused()
    {
        await using var dataSource = await database.NewAsync();
        await ProgrammeAsync(dataSource);
        var household = Guid.NewGuid();
        var parent = await PersonAsync(dataSource, grade: 3, household, "minimum_living");
        var notPoor = await PersonAsync(dataSource, grade: 3, Guid.NewGuid());
        var child = Guid.NewGuid();
        var apply = new ApplyForEducationAid(dataSource, new EligibilityCopy(dataSource), Clock);

        var aid = await apply.HandleAsync(new EducationAidRequest(parent, "child", child, "primary", Year), Yunan, "worker", default);
        var sameChild = await apply.HandleAsync(new EducationAidRequest(parent, "child", child, "primary", Year), Yunan, "worker", default);
        var refused = await apply.HandleAsync(new EducationAidRequest(notPoor, "child", Guid.NewGuid(), "primary", Year), Yunan, "worker", default);

        Assert.Equal(1_000m, aid.Value.Amount);
        Assert.Equal([(household, child)], await dataSource.Command("select household_id, child_member_id from education_aid where case_id = $1", aid.Value.Id)
            .ReadAllAsync(r => (r.GetGuid(0), r.GetGuid(1)), default));
        Assert.IsType<Failure.Duplicate>(sameChild.Failure);
        Assert.Equal("education_aid_eligibility", Assert.IsType<Failure.Conflict>(refused.Failure).Rule);
    }

    [Fact]
    public async Task Bad_reports_and_applications_name_their_fields_and_write_nothing()
    {
        await using var dataSource = await database.NewAsync();
        var student = await PersonAsync(dataSource, grade: 1);
        var withoutCertificate = await PersonAsync(dataSource, grade: null);
        var report = new ReportSchooling(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock);
        var apply = new ApplyForEducationAid(dataSource, new EligibilityCopy(dataSource), Clock);

        var future = await report.HandleAsync(new SchoolingReport(student, Year + 1, "university", true, null), "education-bureau", default);
        var noStage = await report.HandleAsync(new SchoolingReport(student, Year, null, true, null), "education-bureau", default);
        var noCertificate = await report.HandleAsync(new SchoolingReport(withoutCertificate, Year, "primary", true, null), "education-bureau", default);
        var childWithout = await apply.HandleAsync(new EducationAidRequest(student, "child", null, "primary", Year), Yunan, "worker", default);
        var noProgramme = await apply.HandleAsync(new EducationAidRequest(student, "self", null, "primary", Year), Yunan, "worker", default);
        var otherStreet = await apply.HandleAsync(new EducationAidRequest(student, "self", null, "primary", Year), new AreaScope(AreaCode.TryParse("430103002")!), "worker", default);

        Assert.Equal(["stage", "year"], Assert.IsType<Failure.Invalid>(future.Failure).Errors.Keys.Order());
        Assert.Equal(["stage"], Assert.IsType<Failure.Invalid>(noStage.Failure).Errors.Keys);
        Assert.IsType<Failure.NotFound>(noCertificate.Failure);
        Assert.Equal(["childMemberId"], Assert.IsType<Failure.Invalid>(childWithout.Failure).Errors.Keys);
        Assert.Equal(["year"], Assert.IsType<Failure.Invalid>(noProgramme.Failure).Errors.Keys);
        Assert.IsType<Failure.NotFound>(otherStreet.Failure);
        Assert.Equal(0L, await dataSource.Command("select (select count(*) from schooling) + (select count(*) from relief_cases)").ScalarAsync<long>(default));
    }

    private static async Task ProgrammeAsync(NpgsqlDataSource dataSource) =>
        Assert.True((await new CreateReliefProgramme(dataSource).HandleAsync(
            new ReliefProgrammeRequest(ApplyForEducationAid.Programme, Year, "就学救助", 50_000m, 10_000m, 10_000m, false), "test", default)).Succeeded);

    private static Task<Guid> PersonAsync(NpgsqlDataSource dataSource, int? grade, Guid? household = null, params string[] flags) =>
        CopiedPersons.AddAsync(dataSource, new PersonFacts(Guid.NewGuid(), new DateOnly(2005, 3, 1), "female", "430103001001", "active",
            grade is null ? null : 4, grade, flags, household));
}
