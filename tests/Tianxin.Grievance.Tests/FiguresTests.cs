using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Figures;
using Tianxin.Grievance.Features.LegalAid;
using Tianxin.Grievance.Features.WorkOrders;

namespace Tianxin.Grievance.Tests;

/// <summary>The year's figures against what the test itself put in, with another year's and another area's cases that must not count.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class FiguresTests(GrievanceDatabase database)
{
    [Fact]
    public async Task The_years_figures_count_what_was_received_replied_escalated_called_back_given_and_fixed()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(new DateOnly(2026, 3, 2));
        var grievances = new Grievances(dataSource, clock);
        var letter = await grievances.PetitionAsync(Grievances.Yunan, new DateOnly(2026, 3, 2));
        var visit = (await grievances.Receive.HandleAsync(new CaseRequest("petition", "visit", Guid.NewGuid(), null, null, "debt", Grievances.NewTian,
            "借款纠纷", new DateOnly(2026, 3, 2)), Grievances.District, default)).Value;
        await grievances.Receive.HandleAsync(new CaseRequest("complaint", "walk_in", Guid.NewGuid(), null, null, "service_quality", Grievances.NewTian,
            "服务态度", new DateOnly(2026, 3, 2)), Grievances.Yunan, default);
        await grievances.Acceptance.HandleAsync(letter, new AcceptanceRequest(true, new DateOnly(2026, 3, 2), null), Grievances.Yunan, default);
        await grievances.Reply.HandleAsync(letter, new ReplyRequest("已答复", new DateOnly(2026, 3, 2)), Grievances.Yunan, default);
        await new RecordEscalationBeyond(grievances.Steps, new Tianxin.BuildingBlocks.Messaging.Outbox(), clock)
            .HandleAsync(visit, new EscalationBeyondRequest("city", new DateOnly(2026, 3, 2)), Grievances.District, default);
        var order = (await grievances.Push.HandleAsync(new PushRequest("GD-F1", "consultation", clock.GetUtcNow(), Grievances.NewTian, "benefits", "补贴咨询",
            "赵先生", "13700000000"), "hotline-12345", default)).Value.Order;
        await grievances.Push.HandleAsync(new PushRequest("GD-F2", "complaint", clock.GetUtcNow(), Grievances.Qingyuan, "benefits", "补贴投诉",
            "钱女士", "13700000001"), "hotline-12345", default);
        await grievances.Street.SignAsync(order.CaseId, Grievances.Yunan, default);
        await grievances.Street.ReplyAsync(order.CaseId, new OrderReplyRequest("已解答"), Grievances.Yunan, default);
        await grievances.Hotline.RecordCallBackAsync("GD-F1", "basically_satisfied", false, "hotline-12345", default);
        var aid = (await grievances.LegalAid.OpenAsync(new LegalAidRequest(null, null, Grievances.NewTian, "劳动合同纠纷咨询", null), Grievances.Yunan, default)).Value;
        foreach (var kind in new[] { "consultation", "consultation", "action" })
        {
            await grievances.LegalAid.RecordActionAsync(aid.Id, new LegalAidActionRequest(kind, new DateOnly(2026, 3, 2), "解答"),
                LegalAidCaller.Staff("worker", Grievances.Yunan.Scope), default);
        }
        clock.MoveTo(new DateOnly(2027, 1, 4)); // next year's case must not count in 2026
        await grievances.PetitionAsync(Grievances.Yunan, new DateOnly(2027, 1, 4));

        var district = await GrievanceFigures.FindAsync(dataSource, 2026, Grievances.District.Scope, default);
        var yunan = await GrievanceFigures.FindAsync(dataSource, 2026, Grievances.Yunan.Scope, default);
        var qingyuan = await GrievanceFigures.FindAsync(dataSource, 2026, Grievances.QingyuanStreet.Scope, default);

        Assert.Equal(2, district.Petitions.Received);
        Assert.Equal(new Dictionary<string, int> { ["letter"] = 1, ["visit"] = 1 }, district.Petitions.ByChannel);
        Assert.Equal(new Dictionary<string, int> { ["rent"] = 1, ["debt"] = 1 }, district.Petitions.BySubject);
        Assert.Equal(new Dictionary<string, int> { ["street"] = 1, ["district"] = 1 }, district.Petitions.ByLevel);
        Assert.Equal((1, 1, 1, 1), (district.Petitions.Replied, district.Petitions.RepliedOnTime, district.Petitions.EscalatedBeyondDistrict, district.Complaints));
        Assert.Equal(new WorkOrderFigures(2, 1, 1, 1, 1, 1, 0), district.WorkOrders);
        Assert.Equal((50.0m, 100.0m, 0.0m), (district.WorkOrders.SignedOnTimeRate, district.WorkOrders.SatisfiedRate, district.WorkOrders.ResolvedRate));
        Assert.Equal(new LegalAidFigures(1, 2, 1), district.LegalAid);
        Assert.Equal(1, yunan.WorkOrders.Orders);
        Assert.Equal((0, 1), (qingyuan.Petitions.Received, qingyuan.WorkOrders.Orders));
    }
}
