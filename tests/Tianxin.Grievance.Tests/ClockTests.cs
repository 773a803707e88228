using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Tests;

/// <summary>The clocks on the calendar the migration loads: 2026's holidays and make-up working days as the State Council set them.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class ClockTests(GrievanceDatabase database)
{
    [Fact]
    public async Task An_order_received_the_working_day_before_national_day_is_due_after_the_holiday()
    {
        await using var dataSource = await database.NewAsync();
        var rules = await ClockRules.ReadAsync(dataSource, default);

        // Wednesday 30 September; 1–7 October are the holiday, Thursday 8 October the next working day.
        var signDue = rules.Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), rules.WorkOrderSign);
        var consultationDue = rules.Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3);

        Assert.Equal(new DateOnly(2026, 10, 8), signDue);
        // 8 (Thu), 9 (Fri), 10 (the make-up Saturday).
        Assert.Equal(new DateOnly(2026, 10, 10), consultationDue);
    }

    [Fact]
    public async Task A_make_up_saturday_is_a_working_day_and_an_ordinary_saturday_is_not()
    {
        await using var dataSource = await database.NewAsync();
        var rules = await ClockRules.ReadAsync(dataSource, default);

        // Friday 9 October 2026 → the make-up Saturday 10 October counts as the one working day.
        Assert.Equal(new DateOnly(2026, 10, 10), rules.Calendar.AddWorkingDays(new DateOnly(2026, 10, 9), 1));
        // Received on that Saturday: 12, 13, 14 October for a 3-day consultation.
        Assert.Equal(new DateOnly(2026, 10, 14), rules.Calendar.AddWorkingDays(new DateOnly(2026, 10, 10), 3));
        // Friday 16 October: Saturday 17 is an ordinary weekend, so Monday 19.
        Assert.Equal(new DateOnly(2026, 10, 19), rules.Calendar.AddWorkingDays(new DateOnly(2026, 10, 16), 1));
        Assert.True(rules.Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.False(rules.Calendar.IsWorkingDay(new DateOnly(2026, 2, 16)));
    }

    [Fact]
    public async Task A_sixty_day_petition_period_ending_on_a_holiday_ends_on_the_next_working_day()
    {
        await using var dataSource = await database.NewAsync();
        var rules = await ClockRules.ReadAsync(dataSource, default);

        // Accepted 4 August: day 60 is Saturday 3 October, within the National Day holiday → Thursday 8 October.
        var due = CaseClock.PetitionDue("handling", new DateOnly(2026, 7, 30), new DateOnly(2026, 8, 4), 0, null, rules);
        // Accepted 5 August: day 60 is Sunday 4 October → 8 October too; accepted 1 July: day 60 is Sunday 30 August → Monday 31.
        var alsoDue = CaseClock.PetitionDue("handling", new DateOnly(2026, 7, 30), new DateOnly(2026, 8, 5), 0, null, rules);
        var weekend = CaseClock.PetitionDue("handling", new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1), 0, null, rules);
        var working = CaseClock.PetitionDue("handling", new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 2), 0, null, rules);

        Assert.Equal(new DateOnly(2026, 10, 8), due);
        Assert.Equal(new DateOnly(2026, 10, 8), alsoDue);
        Assert.Equal(new DateOnly(2026, 8, 31), weekend);
        Assert.Equal(new DateOnly(2026, 8, 31), working);
    }

    [Fact]
    public async Task An_extension_beyond_thirty_days_is_refused_and_one_within_moves_the_due_date()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(new DateOnly(2026, 11, 2));
        var grievances = new Grievances(dataSource, clock);
        var id = await grievances.PetitionAsync(Grievances.Yunan, new DateOnly(2026, 11, 2));
        await grievances.Acceptance.HandleAsync(id, new AcceptanceRequest(true, new DateOnly(2026, 11, 2), null), Grievances.Yunan, default);

        var tooLong = await grievances.Extension.HandleAsync(id, new ExtensionRequest(31, "需要调查取证", "区信访办主任"), Grievances.Yunan, default);
        var extended = await grievances.Extension.HandleAsync(id, new ExtensionRequest(30, "需要调查取证", "区信访办主任"), Grievances.Yunan, default);
        var again = await grievances.Extension.HandleAsync(id, new ExtensionRequest(1, "再延", "区信访办主任"), Grievances.Yunan, default);

        Assert.Equal(["days"], Assert.IsType<Failure.Invalid>(tooLong.Failure).Errors.Keys);
        // 2 November + 90 days = 31 January 2027, a Sunday → Monday 1 February.
        Assert.Equal(new DateOnly(2027, 2, 1), extended.Value.DueOn);
        Assert.Equal("extended_once", Assert.IsType<Failure.Conflict>(again.Failure).Rule);
    }

    [Theory]
    [InlineData(null, "2026-12-10", null)]
    [InlineData("2026-12-10", "2026-12-06", "on_track")]
    [InlineData("2026-12-10", "2026-12-07", "at_risk")]
    [InlineData("2026-12-10", "2026-12-10", "at_risk")]
    [InlineData("2026-12-10", "2026-12-11", "breached")]
    public void The_status_turns_at_risk_three_days_before_and_breached_the_day_after(string? due, string today, string? status) =>
        Assert.Equal(status, ClockStatus.Of(due is null ? null : DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 3));
}
