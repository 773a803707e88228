using MiniExcelLibs;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Grievance.Features.Defects;

namespace Tianxin.Grievance.Tests;

/// <summary>A curb ramp defect from report to verification, on and off its department's rectification list.</summary>
[Collection(GrievanceDatabaseCollection.Name)]
public sealed class DefectTests(GrievanceDatabase database)
{
    private static readonly DateOnly Day = new(2026, 9, 1);

    private static DefectRequest Ramp(string address, decimal latitude = 28.1120m, decimal longitude = 112.9890m) =>
        new("curb_ramp", address, latitude, longitude, "3.1.2", "缘石坡道坡度过陡，且与车行道有高差", Grievances.NewTian, Day);

    [Fact]
    public async Task A_defect_is_listed_for_its_department_overdue_first_and_leaves_the_list_when_verified()
    {
        await using var dataSource = await database.NewAsync();
        var clock = ManualClock.On(Day);
        var grievances = new Grievances(dataSource, clock);
        var old = (await grievances.ReportDefect.HandleAsync(Ramp("书院路与劳动路交叉口东北角"), Grievances.Yunan, default)).Value;
        var recent = (await grievances.ReportDefect.HandleAsync(Ramp("书院路天心阁公园南门"), Grievances.Yunan, default)).Value;
        await Assign(grievances, old, Day);
        clock.MoveTo(Day.AddDays(70));
        await Assign(grievances, recent, Day.AddDays(70));
        var listed = await AccessibilityDefect.RectificationAsync(dataSource, "区住建局", clock.TodayInChina(), Grievances.District.Scope, default);
        var noPhoto = await grievances.AdvanceDefect.HandleAsync(old.Id, new DefectStepRequest("fixed", Day.AddDays(70), null, null), Grievances.Yunan, default);
        var skipped = await grievances.AdvanceDefect.HandleAsync(old.Id, new DefectStepRequest("verified", Day.AddDays(70), null, null), Grievances.Yunan, default);
        await grievances.AdvanceDefect.HandleAsync(old.Id, new DefectStepRequest("fixing", Day.AddDays(70), null, null), Grievances.Yunan, default);
        var photo = Guid.NewGuid();
        await dataSource.Command("insert into attachments (id, owner_kind, owner_id, content_type, file_name, size_bytes, content, uploaded_by) values ($1, 'defect', $2, 'image/jpeg', 'fixed.jpg', 3, $3, 'worker')",
            photo, old.Id, new byte[] { 1, 2, 3 }).ExecuteAsync(default);
        await grievances.AdvanceDefect.HandleAsync(old.Id, new DefectStepRequest("fixed", Day.AddDays(70), null, photo), Grievances.Yunan, default);
        var fixedStillListed = await AccessibilityDefect.RectificationAsync(dataSource, "区住建局", clock.TodayInChina(), Grievances.District.Scope, default);
        await grievances.AdvanceDefect.HandleAsync(old.Id, new DefectStepRequest("verified", Day.AddDays(70), null, null), Grievances.Yunan, default);
        var afterVerification = await AccessibilityDefect.RectificationAsync(dataSource, "区住建局", clock.TodayInChina(), Grievances.District.Scope, default);
        var sheet = RectificationList.Write(listed, new Dictionary<string, string> { ["curb_ramp"] = "缘石坡道" }, clock.TodayInChina());
        using var stream = new MemoryStream(sheet);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

        Assert.Equal([old.Id, recent.Id], listed.Select(d => d.Id));
        Assert.Equal(["photoId"], Assert.IsType<Failure.Invalid>(noPhoto.Failure).Errors.Keys);
        Assert.Equal("state", Assert.IsType<Failure.Conflict>(skipped.Failure).Rule);
        Assert.Equal([old.Id, recent.Id], fixedStillListed.Select(d => d.Id));
        Assert.Equal([recent.Id], afterVerification.Select(d => d.Id));
        Assert.Equal([("超期", "书院路与劳动路交叉口东北角"), ("", "书院路天心阁公园南门")],
            rows.Select(r => (r["是否超期"]?.ToString() ?? "", r["地址"].ToString()!)));
        Assert.Equal(1, await grievances.CountAsync("select count(*) from outbox_messages where message_type like '%AccessibilityDefectFixed%'"));
    }

    [Fact]
    public async Task Coordinates_outside_the_district_and_an_unknown_type_are_refused_by_field()
    {
        await using var dataSource = await database.NewAsync();
        var grievances = new Grievances(dataSource, ManualClock.On(Day));

        var beijing = await grievances.ReportDefect.HandleAsync(Ramp("天安门", 39.9087m, 116.3975m) with { Type = "fountain" }, Grievances.Yunan, default);

        Assert.Equal(["latitude", "longitude", "type"], Assert.IsType<Failure.Invalid>(beijing.Failure).Errors.Keys.Order());
        Assert.Equal(0, await grievances.CountAsync("select count(*) from accessibility_defects"));
    }

    private static async Task Assign(Grievances grievances, AccessibilityDefect defect, DateOnly on)
    {
        await grievances.AdvanceDefect.HandleAsync(defect.Id, new DefectStepRequest("confirmed", on, null, null), Grievances.Yunan, default);
        var assigned = await grievances.AdvanceDefect.HandleAsync(defect.Id, new DefectStepRequest("assigned", on, "区住建局", null), Grievances.Yunan, default);
        Assert.Equal(on.AddDays(60), assigned.Value.DueOn);
    }
}
