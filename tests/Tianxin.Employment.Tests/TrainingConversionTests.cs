using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Seekers;
using Tianxin.Employment.Features.Training;

namespace Tianxin.Employment.Tests;

/// <summary>A completion followed by a job within the window (six months) is the course's conversion; a job after seven months is not.</summary>
[Collection(EmploymentDatabaseCollection.Name)]
public sealed class TrainingConversionTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly DateOnly Today = Clock.TodayInChina();

    [Fact]
    public async Task A_job_within_six_months_of_completion_converts_and_one_after_seven_does_not()
    {
        await using var dataSource = await database.NewAsync();
        var endsOn = Today.AddMonths(-8);
        var course = await CourseAsync(dataSource, "school-a", endsOn.AddMonths(-1), endsOn);
        var quick = await CompletedAsync(dataSource, course, endsOn);
        var slow = await CompletedAsync(dataSource, course, endsOn);
        await CompletedAsync(dataSource, course, endsOn); // never employed
        await StartJobAsync(dataSource, quick, endsOn.AddMonths(6));
        await StartJobAsync(dataSource, slow, endsOn.AddMonths(7));

        var figures = await new TrainingConversion(dataSource).ForYearAsync(endsOn.Year, default);

        var row = Assert.Single(figures.Courses);
        Assert.Equal((3, 3, 1, 0.3333m), (row.Enrolled, row.Completed, row.Converted, row.Rate));
        Assert.Equal(new SchoolConversion("school-a", 3, 1, 0.3333m), Assert.Single(figures.Schools));
        Assert.Equal(6, figures.WindowMonths);
        Assert.Equal(3L, await OutboxMessages.CountAsync(dataSource, "TrainingCompleted"));
    }

    [Fact]
    public async Task A_school_acts_on_its_own_course_only()
    {
        await using var dataSource = await database.NewAsync();
        var course = await CourseAsync(dataSource, "school-a", Today.AddDays(-10), Today.AddDays(20));
        var person = await CopiedPersons.AddAsync(dataSource);

        var foreign = await new EnrolTrainee(dataSource, new EligibilityCopy(dataSource), Clock)
            .HandleAsync(course.Id, new EnrolmentRequest(person, Today), "school-b", default);
        var enrolment = await EnrolAsync(dataSource, course, person, Today.AddDays(-5));
        var attendance = await new RecordAttendance(dataSource, Clock).HandleAsync(enrolment.Id, new AttendanceRequest(Today, true), "school-b", default);
        var completion = await new CompleteTraining(dataSource, new Outbox(), Clock)
            .HandleAsync(enrolment.Id, new CompletionRequest(Today, null), "school-b", default);

        Assert.IsType<Failure.Forbidden>(foreign.Failure);
        Assert.IsType<Failure.Forbidden>(attendance.Failure);
        Assert.IsType<Failure.Forbidden>(completion.Failure);
        Assert.Equal(0L, await dataSource.Command("select count(*) from training_attendance").ScalarAsync<long>(default));
    }

    [Fact]
    public async Task Attendance_before_enrolment_or_in_the_future_names_the_field()
    {
        await using var dataSource = await database.NewAsync();
        var course = await CourseAsync(dataSource, "school-a", Today.AddDays(-10), Today.AddDays(20));
        var enrolment = await EnrolAsync(dataSource, course, await CopiedPersons.AddAsync(dataSource), Today.AddDays(-5));
        var record = new RecordAttendance(dataSource, Clock);

        var before = await record.HandleAsync(enrolment.Id, new AttendanceRequest(Today.AddDays(-6), true), "school-a", default);
        var future = await record.HandleAsync(enrolment.Id, new AttendanceRequest(Today.AddDays(1), true), "school-a", default);
        var twice = await record.HandleAsync(enrolment.Id, new AttendanceRequest(Today, false), "school-a", default);
        var corrected = await record.HandleAsync(enrolment.Id, new AttendanceRequest(Today, true), "school-a", default);

        Assert.Contains("sessionOn", Assert.IsType<Failure.Invalid>(before.Failure).Errors.Keys);
        Assert.Contains("sessionOn", Assert.IsType<Failure.Invalid>(future.Failure).Errors.Keys);
        Assert.Equal((0, 1), (twice.Value.SessionsAttended, corrected.Value.SessionsAttended));
    }

    [Fact]
    public async Task A_full_course_refuses_the_next_trainee()
    {
        await using var dataSource = await database.NewAsync();
        var course = (await new CreateCourse(dataSource).HandleAsync(new CourseRequest("盲人按摩", "order", Today, Today.AddDays(30), 1), "school-a",
            default)).Value;
        await EnrolAsync(dataSource, course, await CopiedPersons.AddAsync(dataSource), Today);

        var refused = await new EnrolTrainee(dataSource, new EligibilityCopy(dataSource), Clock)
            .HandleAsync(course.Id, new EnrolmentRequest(await CopiedPersons.AddAsync(dataSource), Today), "school-a", default);

        Assert.Equal("capacity", Assert.IsType<Failure.Conflict>(refused.Failure).Rule);
    }

    private static async Task<Course> CourseAsync(NpgsqlDataSource dataSource, string school, DateOnly startsOn, DateOnly endsOn) =>
        (await new CreateCourse(dataSource).HandleAsync(new CourseRequest("电商客服", "directed", startsOn, endsOn, 30), school, default)).Value;

    private static async Task<TrainingEnrolment> EnrolAsync(NpgsqlDataSource dataSource, Course course, Guid person, DateOnly on) =>
        (await new EnrolTrainee(dataSource, new EligibilityCopy(dataSource), Clock).HandleAsync(course.Id, new EnrolmentRequest(person, on), course.School,
            default)).Value;

    private static async Task<Guid> CompletedAsync(NpgsqlDataSource dataSource, Course course, DateOnly completedOn)
    {
        var person = await CopiedPersons.AddAsync(dataSource);
        var enrolment = await EnrolAsync(dataSource, course, person, course.StartsOn);
        var completed = await new CompleteTraining(dataSource, new Outbox(), Clock)
            .HandleAsync(enrolment.Id, new CompletionRequest(completedOn, "CERT-1"), course.School, default);
        Assert.Equal("completed", completed.Value.Status);
        return person;
    }

    private static async Task StartJobAsync(NpgsqlDataSource dataSource, Guid person, DateOnly startedOn)
    {
        var facts = (await new EligibilityCopy(dataSource).FindAsync(person, AreaScope.District, default))!;
        var started = await dataSource.InTransactionAsync(transaction =>
            new EmploymentRecords(new Outbox(), Clock).StartAsync(transaction, facts, "flexible", null, startedOn, "staff", "test", default), default);
        Assert.True(started.Succeeded);
    }
}
