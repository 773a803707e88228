using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Grievance.Features.WorkOrders;

namespace Tianxin.Grievance.Tests;

/// <summary>A 12345 order from the hotline's push to its call-back, on working-day deadlines, and the rates it moves.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class WorkOrderTests(GrievanceDatabase database)
{
    private static readonly DateOnly Thursday = new(2026, 11, 5);

    private static PushRequest Order(string number, string type = "help_request", DateOnly? on = null) =>
        new(number, type, new DateTimeOffset((on ?? Thursday).ToDateTime(new TimeOnly(9, 30)), TimeSpan.FromHours(8)), Grievances.NewTian, "accessibility",
            "小区出入口台阶无坡道，轮椅无法通行", "刘女士", "13900001111");

    [Fact]
    public async Task The_same_push_twice_is_one_order_at_the_street_with_working_day_deadlines()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Thursday));

        var first = await grievances.Push.HandleAsync(Order("GD20261105001"), "hotline-12345", default);
        var again = await grievances.Push.HandleAsync(Order("GD20261105001"), "hotline-12345", default);

        Assert.Equal((true, false), (first.Value.Created, again.Value.Created));
        Assert.Equal(first.Value.Order.CaseId, again.Value.Order.CaseId);
        Assert.Equal(1, await grievances.CountAsync("select count(*) from grievance_cases"));
        Assert.Equal(1, await grievances.CountAsync("select count(*) from outbox_messages where message_type like '%GrievanceReceived%'"));
        // Thursday 5 November: signed by Friday 6, a 5-day help request handled by Thursday 12.
        Assert.Equal(("received", "430103001", new DateOnly(2026, 11, 6), new DateOnly(2026, 11, 12)),
            (first.Value.Order.State, first.Value.Order.AreaCode, first.Value.Order.SignDue, first.Value.Order.HandleDue));
    }

    [Fact]
    public async Task Sign_extension_reply_and_call_back_close_the_order_and_move_the_rates()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(Thursday);
        var grievances = new Grievances(dataSource, clock);
        var onTime = (await grievances.Push.HandleAsync(Order("GD-A"), "hotline-12345", default)).Value.Order;
        var late = (await grievances.Push.HandleAsync(Order("GD-B"), "hotline-12345", default)).Value.Order;
        var before = await WorkOrderRates.FindAsync(dataSource, 2026, Grievances.District.Scope, default);

        var signed = await grievances.Street.SignAsync(onTime.CaseId, Grievances.Yunan, default);
        var returnAfterSigning = await grievances.Street.ReturnAsync(onTime.CaseId, new OrderReasonRequest("非本单位职责"), Grievances.Yunan, default);
        var callBackTooSoon = await grievances.Hotline.RecordCallBackAsync("GD-A", "satisfied", true, "hotline-12345", default);
        var closeTooSoon = await grievances.Street.CloseAsync(onTime.CaseId, Grievances.Yunan, default);
        var tooLong = await grievances.Street.RequestExtensionAsync(onTime.CaseId, new OrderExtensionRequest(11, "需协调物业"), Grievances.Yunan, default);
        await grievances.Street.RequestExtensionAsync(onTime.CaseId, new OrderExtensionRequest(3, "需协调物业"), Grievances.Yunan, default);
        var extended = await grievances.Hotline.DecideExtensionAsync("GD-A", true, "hotline-12345", default);
        var replied = await grievances.Street.ReplyAsync(onTime.CaseId, new OrderReplyRequest("已协调物业加装坡道"), Grievances.Yunan, default);
        var calledBack = await grievances.Hotline.RecordCallBackAsync("GD-A", "satisfied", true, "hotline-12345", default);
        clock.MoveTo(new DateOnly(2026, 11, 9)); // the second order is signed on Monday, a working day late
        await grievances.Street.SignAsync(late.CaseId, Grievances.Yunan, default);
        var after = await WorkOrderRates.FindAsync(dataSource, 2026, Grievances.District.Scope, default);

        Assert.Equal(("handling", Thursday), (signed.Value.State, signed.Value.SignedOn!.Value));
        Assert.Equal("signed", Assert.IsType<Failure.Conflict>(returnAfterSigning.Failure).Rule);
        Assert.Equal("not_replied", Assert.IsType<Failure.Conflict>(callBackTooSoon.Failure).Rule);
        Assert.Equal("not_replied", Assert.IsType<Failure.Conflict>(closeTooSoon.Failure).Rule);
        Assert.Equal(["workingDays"], Assert.IsType<Failure.Invalid>(tooLong.Failure).Errors.Keys);
        // 12 November + 3 working days = 17 November.
        Assert.Equal(("approved", new DateOnly(2026, 11, 17)), (extended.Value.ExtensionState, extended.Value.HandleDue));
        Assert.Equal("replied", replied.Value.State);
        Assert.Equal(("closed", "satisfied", true), (calledBack.Value.State, calledBack.Value.Satisfaction, calledBack.Value.Resolved));
        Assert.Equal([new StreetMonthRates("430103001", "2026-11", 2, 0, 0, 0, 0, 0, 0)], before);
        var rates = Assert.Single(after);
        Assert.Equal(new StreetMonthRates("430103001", "2026-11", 2, 1, 1, 1, 1, 1, 1), rates);
        Assert.Equal((50.0m, 50.0m, 100.0m, 100.0m), (rates.SignedOnTimeRate, rates.ClosedOnTimeRate, rates.SatisfiedRate, rates.ResolvedRate));
    }

    [Fact]
    public async Task A_returned_order_pushed_again_is_dispatched_again_and_supervision_waits_for_the_second_return()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(Thursday);
        var grievances = new Grievances(dataSource, clock);
        var order = (await grievances.Push.HandleAsync(Order("GD-C"), "hotline-12345", default)).Value.Order;

        var noReason = await grievances.Street.ReturnAsync(order.CaseId, new OrderReasonRequest(""), Grievances.Yunan, default);
        await grievances.Street.ReturnAsync(order.CaseId, new OrderReasonRequest("属房屋管理部门职责"), Grievances.Yunan, default);
        var tooEarly = await grievances.Hotline.SuperviseAsync("GD-C", "反复退单", "hotline-12345", default);
        clock.MoveTo(new DateOnly(2026, 11, 6));
        var redispatched = await grievances.Push.HandleAsync(Order("GD-C", on: new DateOnly(2026, 11, 6)), "hotline-12345", default);
        await grievances.Street.ReturnAsync(order.CaseId, new OrderReasonRequest("仍非本单位职责"), Grievances.Yunan, default);
        var supervised = await grievances.Hotline.SuperviseAsync("GD-C", "反复退单", "hotline-12345", default);
        var feed = await WorkOrder.ChangedAfterAsync(dataSource, 0, 100, default);

        Assert.Equal(["reason"], Assert.IsType<Failure.Invalid>(noReason.Failure).Errors.Keys);
        Assert.Equal("not_due_for_supervision", Assert.IsType<Failure.Conflict>(tooEarly.Failure).Rule);
        Assert.Equal((true, "received", new DateOnly(2026, 11, 9)), (redispatched.Value.Created, redispatched.Value.Order.State, redispatched.Value.Order.SignDue));
        Assert.Equal((2, true), (supervised.Value.Returns, supervised.Value.Supervised));
        Assert.Equal(supervised.Value.FeedPosition, Assert.Single(feed).FeedPosition);
    }

    [Fact]
    public async Task A_push_with_bad_fields_names_each_in_snake_case()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Thursday));

        var refused = await grievances.Push.HandleAsync(new PushRequest("GD 1", "gossip", null, "110101001001", "weather", "", "", "x"), "hotline-12345", default);

        Assert.Equal(["citizen_name", "citizen_phone", "community_code", "narrative", "order_no", "order_type", "received_at", "subject"],
            Assert.IsType<Failure.Invalid>(refused.Failure).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, await grievances.CountAsync("select count(*) from work_orders"));
    }
}
