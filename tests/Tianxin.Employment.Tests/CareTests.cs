using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Care;
using Tianxin.Employment.Features.Payments;

namespace Tianxin.Employment.Tests;

[Collection(EmploymentDatabaseCollection.Name)]
public sealed class CareTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly DateOnly Today = Clock.TodayInChina();
    private static readonly string ThisMonth = Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Care_is_for_severe_intellectual_or_mental_disability_of_working_age_within_the_centres_capacity()
    {
        await using var dataSource = await database.NewAsync();
        var centre = await CentreAsync(dataSource, capacity: 2);
        var enrol = Enrol(dataSource);

        var moderatePhysical = await enrol.HandleAsync(Request(centre, await CopiedPersons.AddAsync(dataSource, category: 4, grade: 3)), AreaScope.District, "w", default);
        var intellectual = await enrol.HandleAsync(Request(centre, await CopiedPersons.AddAsync(dataSource, category: 5, grade: 3)), AreaScope.District, "w", default);
        var severe = await CopiedPersons.AddAsync(dataSource, category: 1, grade: 1);
        var severeEnrolled = await enrol.HandleAsync(Request(centre, severe), AreaScope.District, "w", default);
        var full = await enrol.HandleAsync(Request(centre, await CopiedPersons.AddAsync(dataSource, category: 6, grade: 2)), AreaScope.District, "w", default);
        var elderly = await enrol.HandleAsync(Request(centre, await CopiedPersons.AddAsync(dataSource, category: 5, grade: 1, birthDate: new DateOnly(1950, 1, 1))),
            AreaScope.District, "w", default);

        Assert.Contains("personId", Assert.IsType<Failure.Invalid>(moderatePhysical.Failure).Errors.Keys);
        Assert.True(intellectual.Succeeded && severeEnrolled.Succeeded);
        Assert.Equal("capacity", Assert.IsType<Failure.Conflict>(full.Failure).Rule);
        Assert.Contains("personId", Assert.IsType<Failure.Invalid>(elderly.Failure).Errors.Keys);
    }

    [Fact]
    public async Task A_month_served_is_recorded_by_its_institution_once_and_its_subsidy_paid_once()
    {
        await using var dataSource = await database.NewAsync();
        var programme = (await new CreatePaymentProgramme(dataSource).HandleAsync(
            new PaymentProgrammeRequest("day_care", Today.Year, "日间照料补贴", 10_000m, 300m, "month"), "test", default)).Value;
        var centre = await CentreAsync(dataSource, capacity: 10);
        var enrolment = (await Enrol(dataSource).HandleAsync(
            new CareEnrolmentRequest(centre.Id, await CopiedPersons.AddAsync(dataSource, category: 5, grade: 2), new DateOnly(Today.Year, 1, 1)),
            AreaScope.District, "w", default)).Value;
        var record = new RecordCareMonth(dataSource, new EligibilityCopy(dataSource), new ProgrammePayments(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock), new Outbox(), Clock);

        var served = await record.HandleAsync(enrolment.Id, new CareMonthRequest(ThisMonth, 20, "生活照料、康复训练"), "care-a", default);
        var again = await record.HandleAsync(enrolment.Id, new CareMonthRequest(ThisMonth, 20, "生活照料"), "care-a", default);
        var foreign = await record.HandleAsync(enrolment.Id, new CareMonthRequest(ThisMonth, 20, "生活照料"), "care-b", default);
        var future = await record.HandleAsync(enrolment.Id, new CareMonthRequest(Today.AddMonths(1).ToString("yyyy-MM", null), 20, "生活照料"),
            "care-a", default);
        var tooManyDays = await record.HandleAsync(enrolment.Id, new CareMonthRequest($"{Today.Year}-02", 30, "生活照料"), "care-a", default);

        Assert.Equal(1, served.Value.MonthsServed);
        Assert.IsType<Failure.Duplicate>(again.Failure);
        Assert.IsType<Failure.Forbidden>(foreign.Failure);
        Assert.Contains("month", Assert.IsType<Failure.Invalid>(future.Failure).Errors.Keys);
        Assert.Contains("daysServed", Assert.IsType<Failure.Invalid>(tooManyDays.Failure).Errors.Keys);
        Assert.Equal(300m, (await PaymentProgramme.FindAsync(dataSource, programme.Id, default))!.Committed);
        Assert.Equal(1L, await dataSource.Command("select count(*) from payments where programme = 'day_care'").ScalarAsync<long>(default));
        Assert.Equal((1L, 1L), (await OutboxMessages.CountAsync(dataSource, "CareServiceRecorded"),
            await OutboxMessages.CountAsync(dataSource, "EmploymentPaymentMade")));
    }

    [Fact]
    public async Task Care_begun_before_the_first_years_rules_is_decided_by_those_rules()
    {
        await using var dataSource = await database.NewAsync();
        var centre = await CentreAsync(dataSource, capacity: 5);

        var enrolled = await Enrol(dataSource).HandleAsync(
            new CareEnrolmentRequest(centre.Id, await CopiedPersons.AddAsync(dataSource, category: 5, grade: 2), new DateOnly(2019, 1, 1)),
            AreaScope.District, "w", default);

        Assert.True(enrolled.Succeeded, enrolled.Failure?.ToString());
    }

    private static EnrolInCare Enrol(NpgsqlDataSource dataSource) => new(dataSource, new EligibilityCopy(dataSource), Clock);

    private static CareEnrolmentRequest Request(CareCentre centre, Guid person) => new(centre.Id, person, Today);

    private static async Task<CareCentre> CentreAsync(NpgsqlDataSource dataSource, int capacity) =>
        (await new CreateCareCentre(dataSource).HandleAsync(new CareCentreRequest("裕南日间照料中心", "day_care", "care-a", "430103001001", capacity), "test",
            default)).Value;
}
