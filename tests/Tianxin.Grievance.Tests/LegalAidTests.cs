using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Grievance.Features.LegalAid;

namespace Tianxin.Grievance.Tests;

/// <summary>A case given to a contracted firm: that firm accepts, records and closes it; another firm sees and touches nothing of it.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class LegalAidTests(GrievanceDatabase database)
{
    private static readonly DateOnly Day = new(2026, 11, 5);

    [Fact]
    public async Task Only_the_firm_given_a_case_accepts_records_and_closes_it()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Day));
        var firm = LegalAidCaller.LawFirm("law-firm-1");
        var other = LegalAidCaller.LawFirm("law-firm-2");
        var opened = (await grievances.LegalAid.OpenAsync(new LegalAidRequest(null, null, Grievances.NewTian, "劳动争议仲裁代理", "law-firm-1"), Grievances.Yunan,
            default)).Value;

        var notAccepted = await grievances.LegalAid.RecordActionAsync(opened.Id, new LegalAidActionRequest("consultation", Day, "咨询"), firm, default);
        var otherAccepts = await grievances.LegalAid.AcceptAsync(opened.Id, other, default);
        var otherLists = await LegalAidCase.ListAsync(dataSource, null, other, default);
        await grievances.LegalAid.AcceptAsync(opened.Id, firm, default);
        var otherRecords = await grievances.LegalAid.RecordActionAsync(opened.Id, new LegalAidActionRequest("action", Day, "代写文书"), other, default);
        await grievances.LegalAid.RecordActionAsync(opened.Id, new LegalAidActionRequest("consultation", Day, "解答仲裁程序"), firm, default);
        var closed = await grievances.LegalAid.CloseAsync(opened.Id, "调解结案", firm, default);
        var afterClosing = await grievances.LegalAid.RecordActionAsync(opened.Id, new LegalAidActionRequest("action", Day, "再记录"), firm, default);
        var unknownFirm = await grievances.LegalAid.OpenAsync(new LegalAidRequest(null, null, Grievances.NewTian, "咨询", "law-firm-9"), Grievances.Yunan, default);

        Assert.Equal("open", opened.Status);
        Assert.Equal("status", Assert.IsType<Failure.Conflict>(notAccepted.Failure).Rule);
        Assert.IsType<Failure.NotFound>(otherAccepts.Failure);
        Assert.Empty(otherLists);
        Assert.IsType<Failure.NotFound>(otherRecords.Failure);
        Assert.Equal(("closed", "调解结案", 1), (closed.Value.Status, closed.Value.Outcome, closed.Value.Actions.Count));
        Assert.IsType<Failure.Conflict>(afterClosing.Failure);
        Assert.Equal(["firm"], Assert.IsType<Failure.Invalid>(unknownFirm.Failure).Errors.Keys);
        Assert.Equal(1, await grievances.CountAsync("select count(*) from outbox_messages where message_type like '%LegalAidGiven%'"));
    }
}
