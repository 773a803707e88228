using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Grievance.Features.Cases;

namespace Tianxin.Grievance.Tests;

/// <summary>A petition along its clock and its three levels, seen only by the areas holding it and those above.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class PetitionTests(GrievanceDatabase database)
{
    private static readonly DateOnly Received = new(2026, 11, 2);

    [Fact]
    public async Task An_unaccepted_petition_turns_at_risk_then_breached_on_the_districts_list_per_street()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(Received);
        var grievances = new Grievances(dataSource, clock);
        var id = await grievances.PetitionAsync(Grievances.Yunan, Received);
        var other = await grievances.PetitionAsync(Grievances.QingyuanStreet, Received, Grievances.Qingyuan);

        var early = await grievances.AtRisk.FindAsync(Grievances.District.Scope, null, null, default);
        clock.MoveTo(new DateOnly(2026, 11, 14)); // due 17 November (2 November + 15 days): 3 days left
        var atRisk = await grievances.AtRisk.FindAsync(Grievances.District.Scope, null, null, default);
        var yunanOnly = await grievances.AtRisk.FindAsync(Grievances.District.Scope, "430103001", null, default);
        var firstPage = await grievances.AtRisk.FindAsync(Grievances.District.Scope, null, 1, default);
        clock.MoveTo(new DateOnly(2026, 11, 18));
        var breached = await grievances.AtRisk.FindAsync(Grievances.District.Scope, null, null, default);
        var seenByQingyuan = await grievances.AtRisk.FindAsync(Grievances.QingyuanStreet.Scope, null, null, default);
        await grievances.Acceptance.HandleAsync(id, new AcceptanceRequest(true, new DateOnly(2026, 11, 18), null), Grievances.Yunan, default);
        var afterAcceptance = await grievances.AtRisk.FindAsync(Grievances.District.Scope, null, null, default);

        Assert.Empty(early.Cases);
        Assert.Equal([(id, "at_risk", 3), (other, "at_risk", 3)], atRisk.Cases.Select(c => (c.Id, c.ClockStatus, c.DaysLeft)));
        Assert.Equal([new StreetClocks("430103001", 1, 0), new StreetClocks("430103006", 1, 0)], atRisk.Streets);
        Assert.Equal([id], yunanOnly.Cases.Select(c => c.Id));
        Assert.Equal([id], firstPage.Cases.Select(c => c.Id));
        Assert.Equal(atRisk.Streets, firstPage.Streets);
        Assert.Equal([new StreetClocks("430103001", 0, 1), new StreetClocks("430103006", 0, 1)], breached.Streets);
        Assert.Equal([other], seenByQingyuan.Cases.Select(c => c.Id));
        Assert.Equal([other], afterAcceptance.Cases.Select(c => c.Id));
    }

    [Fact]
    public async Task A_case_goes_down_to_a_community_and_back_up_each_step_with_handler_and_reason_and_the_levels_above_still_see_it()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Received));
        var id = await grievances.PetitionAsync(Grievances.District, Received);
        var community = Grievances.Staff(Grievances.NewTian, PlatformRoles.CommunityStaff, "community");

        var toStreet = await grievances.Route.HandleAsync(id, new RouteRequest("assign", "430103001", "李街道", null), Grievances.District, default);
        var toCommunity = await grievances.Route.HandleAsync(id, new RouteRequest("assign", Grievances.NewTian, "张委员", null), Grievances.Yunan, default);
        var seenByDistrict = await grievances.Reads.GetAsync(id, null, Grievances.District, default);
        var returned = await grievances.Route.HandleAsync(id, new RouteRequest("return", null, null, "涉及街道职能"), community, default);
        var lostByCommunity = await grievances.Reads.GetAsync(id, null, community, default);
        var noReason = await grievances.Route.HandleAsync(id, new RouteRequest("escalate", null, null, " "), Grievances.Yunan, default);
        var view = (await grievances.Reads.GetAsync(id, null, Grievances.Yunan, default)).Value;

        Assert.Equal("430103001", toStreet.Value.AreaCode);
        Assert.Equal((Grievances.NewTian, "张委员"), (toCommunity.Value.AreaCode, toCommunity.Value.Handler));
        Assert.True(seenByDistrict.Succeeded);
        Assert.Equal("430103001", returned.Value.AreaCode);
        Assert.IsType<Failure.NotFound>(lostByCommunity.Failure);
        Assert.Equal(["reason"], Assert.IsType<Failure.Invalid>(noReason.Failure).Errors.Keys);
        Assert.Equal(["received", "assign", "assign", "return"], view.Steps.Select(s => s.Action));
        Assert.Equal(("430103001", Grievances.NewTian, "张委员"), (view.Steps[2].FromArea, view.Steps[2].ToArea, view.Steps[2].Handler));
        Assert.Equal(("涉及街道职能", "community"), (view.Steps[3].Reason, view.Steps[3].By));
    }

    [Fact]
    public async Task A_qingyuan_worker_can_neither_see_nor_act_on_a_yunan_case()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Received));
        var id = await grievances.PetitionAsync(Grievances.Yunan, Received);

        var read = await grievances.Reads.GetAsync(id, null, Grievances.QingyuanStreet, default);
        var listed = await grievances.Reads.ListAsync(new CaseQuery(null, null, null, null), Grievances.QingyuanStreet, default);
        var accepted = await grievances.Acceptance.HandleAsync(id, new AcceptanceRequest(true, Received, null), Grievances.QingyuanStreet, default);
        var routed = await grievances.Route.HandleAsync(id, new RouteRequest("assign", "430103006001", null, null), Grievances.QingyuanStreet, default);

        Assert.IsType<Failure.NotFound>(read.Failure);
        Assert.Empty(listed);
        Assert.IsType<Failure.NotFound>(accepted.Failure);
        Assert.IsType<Failure.NotFound>(routed.Failure);
        Assert.Equal("acceptance", (await grievances.Reads.GetAsync(id, null, Grievances.Yunan, default)).Value.Stage);
    }

    [Fact]
    public async Task The_complainant_is_stored_encrypted_shown_masked_and_whole_only_for_a_stated_purpose_which_is_audited()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Received));
        var id = await grievances.PetitionAsync(Grievances.Yunan, Received);

        var masked = (await grievances.Reads.GetAsync(id, null, Grievances.Yunan, default)).Value;
        var whole = (await grievances.Reads.GetAsync(id, "回访来访人", Grievances.Yunan, default)).Value;
        var stored = await grievances.CountAsync("select count(*) from grievance_cases where position(convert_to('王小明', 'UTF8') in complainant_name) > 0 or position(convert_to('13812345678', 'UTF8') in complainant_phone) > 0");

        Assert.Equal(("王*明", "138****5678"), (masked.ComplainantName, masked.ComplainantPhone));
        Assert.Equal(("王小明", "13812345678"), (whole.ComplainantName, whole.ComplainantPhone));
        Assert.Equal(0, stored);
        Assert.Equal(1, await grievances.CountAsync("select count(*) from audit_events where resource = $1 and purpose = '回访来访人'", $"grievance-case:{id}"));
    }

    [Fact]
    public async Task Bad_steps_name_their_field_or_rule_and_change_nothing()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Received));
        var id = await grievances.PetitionAsync(Grievances.Yunan, Received);

        var unknownSubject = await grievances.Receive.HandleAsync(new CaseRequest("petition", "letter", Guid.NewGuid(), null, null, "weather", Grievances.NewTian,
            "诉求", Received), Grievances.Yunan, default);
        var outsideArea = await grievances.Receive.HandleAsync(new CaseRequest("petition", "fax", Guid.NewGuid(), null, null, "rent", Grievances.Qingyuan,
            "诉求", Received), Grievances.Yunan, default);
        var closedUnreplied = await grievances.Close.HandleAsync(id, new ClosureRequest(Received), Grievances.Yunan, default);
        var replyBeforeAcceptance = await grievances.Reply.HandleAsync(id, new ReplyRequest("答复", Received), Grievances.Yunan, default);
        await grievances.Acceptance.HandleAsync(id, new AcceptanceRequest(true, Received, null), Grievances.Yunan, default);
        var replyBeforeReceipt = await grievances.Reply.HandleAsync(id, new ReplyRequest("答复", Received.AddDays(-1)), Grievances.Yunan, default);

        Assert.Equal(["subject"], Assert.IsType<Failure.Invalid>(unknownSubject.Failure).Errors.Keys);
        Assert.Equal(["channel", "communityCode"], Assert.IsType<Failure.Invalid>(outsideArea.Failure).Errors.Keys.Order());
        Assert.Equal("not_replied", Assert.IsType<Failure.Conflict>(closedUnreplied.Failure).Rule);
        Assert.Equal("stage", Assert.IsType<Failure.Conflict>(replyBeforeAcceptance.Failure).Rule);
        Assert.Equal(["repliedOn"], Assert.IsType<Failure.Invalid>(replyBeforeReceipt.Failure).Errors.Keys);
        Assert.Equal(1, await grievances.CountAsync("select count(*) from grievance_cases"));
        Assert.Equal(0, await grievances.CountAsync("select count(*) from grievance_cases where replied_on is not null"));
    }

    [Fact]
    public async Task A_reply_on_time_then_a_review_within_thirty_days_then_a_final_re_review()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(Received);
        var grievances = new Grievances(dataSource, clock);
        var id = await grievances.PetitionAsync(Grievances.Yunan, Received);
        await grievances.Acceptance.HandleAsync(id, new AcceptanceRequest(true, Received, null), Grievances.Yunan, default);
        clock.MoveTo(new DateOnly(2026, 11, 20));

        var replied = await grievances.Reply.HandleAsync(id, new ReplyRequest("已协调房东退还押金", new DateOnly(2026, 11, 20)), Grievances.Yunan, default);
        var closed = await grievances.Close.HandleAsync(id, new ClosureRequest(new DateOnly(2026, 11, 20)), Grievances.Yunan, default);
        var review = await grievances.Review.HandleAsync(id, new ReviewRequest(new DateOnly(2026, 11, 20)), Grievances.Yunan, default);
        var answered = await grievances.Reply.HandleAsync(id, new ReplyRequest("复查维持原意见", new DateOnly(2026, 11, 20)), Grievances.Yunan, default);
        var reReview = await grievances.Review.HandleAsync(id, new ReviewRequest(new DateOnly(2026, 11, 20)), Grievances.Yunan, default);
        await grievances.Reply.HandleAsync(id, new ReplyRequest("复核维持", new DateOnly(2026, 11, 20)), Grievances.Yunan, default);
        var third = await grievances.Review.HandleAsync(id, new ReviewRequest(new DateOnly(2026, 11, 20)), Grievances.Yunan, default);

        Assert.Equal(("replied", true), (replied.Value.Stage, replied.Value.RepliedOnTime));
        Assert.Equal(("closed", true), (closed.Value.Stage, closed.Value.ClosedOnTime));
        // Asked 20 November: answered within 30 days, by 20 December, a Sunday → Monday 21 December.
        Assert.Equal(("review", 1, new DateOnly(2026, 12, 21)), (review.Value.Stage, review.Value.ReviewRound, review.Value.DueOn!.Value));
        Assert.Equal("replied", answered.Value.Stage);
        Assert.Equal(2, reReview.Value.ReviewRound);
        Assert.Equal("final", Assert.IsType<Failure.Conflict>(third.Failure).Rule);
    }
}
