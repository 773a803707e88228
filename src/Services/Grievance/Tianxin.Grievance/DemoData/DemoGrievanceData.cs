using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Defects;
using Tianxin.Grievance.Features.LegalAid;
using Tianxin.Grievance.Features.WorkOrders;
using static Tianxin.BuildingBlocks.Hosting.DemoSteps;

namespace Tianxin.Grievance.DemoData;

/// <summary>
/// The 2019 report's rights work (3 major petitions, 2 written replies, 5 satisfied 12345 orders, 22 legal
/// consultations, 22 curb-ramp defects along 书院路 and in 天心阁公园), then open cases of this year in every
/// state of their clocks. Everything goes through the service's handlers, on the days it happened.
/// </summary>
public sealed class DemoGrievanceData(NpgsqlDataSource dataSource, DemoHandlers demo, TimeProvider clock)
{
    public const string ActorName = "demo-data";
    private const string Yunan = "430103001";
    private static readonly string[] Communities = ["430103001001", "430103001002", "430103006001", "430103002001", "430103003001"];
    private static readonly Actor District = Actor.System(ActorName);

    /// <summary>Each part once: a start after a failed seed resumes with the part that is missing.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await ExistsAsync("select exists (select 1 from grievance_cases where created_by = $1 and received_on < '2020-01-01')", cancellationToken))
        {
            await Petitions2019Async(cancellationToken);
            await WorkOrders2019Async(cancellationToken);
            await LegalAid2019Async(cancellationToken);
            await Defects2019Async(cancellationToken);
        }
        if (!await ExistsAsync("select exists (select 1 from grievance_cases where created_by = $1 and received_on >= date_trunc('year', now())::date)",
                cancellationToken))
        {
            await OpenCasesAsync(clock.TodayInChina(), cancellationToken);
        }
        demo.Clock.Set(null);
    }

    private async Task Petitions2019Async(CancellationToken cancellationToken)
    {
        var dismissal = await PetitionAsync("visit", "employment_dispute", Communities[0], "肢体残疾职工被用人单位辞退，要求恢复劳动关系", new(2019, 3, 11), cancellationToken);
        await AcceptAsync(dismissal, new(2019, 3, 12), cancellationToken);
        await ReplyAsync(dismissal, "经区残联协调，用人单位已恢复其工作岗位并补发工资", new(2019, 4, 19), cancellationToken);
        await CloseAsync(dismissal, new(2019, 4, 22), cancellationToken);
        var rent = await PetitionAsync("letter", "rent", Communities[2], "残疾人经营的门店租金补偿被拖欠", new(2019, 6, 3), cancellationToken);
        await AcceptAsync(rent, new(2019, 6, 5), cancellationToken);
        await ReplyAsync(rent, "经街道调解，业主已分期支付拖欠的补偿款", new(2019, 7, 15), cancellationToken);
        await CloseAsync(rent, new(2019, 7, 16), cancellationToken);
        var debt = await PetitionAsync("phone", "debt", Communities[1], "借款人拒不归还残疾人借款", new(2019, 9, 16), cancellationToken);
        demo.Clock.Set(new(2019, 9, 20));
        Must(await demo.Acceptance.HandleAsync(debt, new AcceptanceRequest(false, new(2019, 9, 20), "属民事债务纠纷，已引导通过诉讼途径解决并提供法律援助"),
            District, cancellationToken));
    }

    private async Task WorkOrders2019Async(CancellationToken cancellationToken)
    {
        var orders = new (string Type, string Subject, string Narrative, DateOnly On)[]
        {
            ("consultation", "benefits", "咨询重度残疾人护理补贴申请条件", new(2019, 2, 25)),
            ("help_request", "accessibility", "小区单元门口台阶无坡道，轮椅无法出入", new(2019, 4, 8)),
            ("complaint", "service_quality", "投诉办理残疾证时窗口等候时间过长", new(2019, 6, 17)),
            ("help_request", "rehabilitation", "求助为脑瘫儿童联系康复机构", new(2019, 8, 12)),
            ("consultation", "employment_dispute", "咨询残疾人就业保障金政策", new(2019, 11, 4)),
        };
        for (var i = 0; i < orders.Length; i++)
        {
            var (type, subject, narrative, on) = orders[i];
            demo.Clock.Set(on);
            var pushed = Must(await demo.Push.HandleAsync(new PushRequest($"2019-12345-{i + 1:D4}", type, demo.Clock.GetUtcNow(), Communities[i % 3], subject,
                narrative, "来电市民", "13800000000"), "hotline-12345", cancellationToken));
            var street = Street(Communities[i % 3]);
            Must(await demo.Street.SignAsync(pushed.Order.CaseId, street, cancellationToken));
            demo.Clock.Set(on.AddDays(1));
            Must(await demo.Street.ReplyAsync(pushed.Order.CaseId, new OrderReplyRequest("已联系来电人并办理完毕"), street, cancellationToken));
            demo.Clock.Set(on.AddDays(3));
            Must(await demo.Hotline.RecordCallBackAsync(pushed.Order.OrderNo, "satisfied", true, "hotline-12345", cancellationToken));
        }
    }

    private async Task LegalAid2019Async(CancellationToken cancellationToken)
    {
        demo.Clock.Set(new(2019, 1, 7));
        var station = Must(await demo.LegalAid.OpenAsync(new LegalAidRequest(null, null, Communities[0], "法律援助工作站日常法律咨询", null), Street(Communities[0]),
            cancellationToken));
        demo.Clock.Set(new(2019, 5, 6));
        var firmCase = Must(await demo.LegalAid.OpenAsync(new LegalAidRequest(null, null, Communities[2], "残疾职工劳动争议法律援助", "law-firm-1"),
            Street(Communities[2]), cancellationToken));
        var firm = LegalAidCaller.LawFirm("law-firm-1");
        Must(await demo.LegalAid.AcceptAsync(firmCase.Id, firm, cancellationToken));
        for (var month = 1; month <= 12; month++)
        {
            var on = new DateOnly(2019, month, 15);
            demo.Clock.Set(on);
            Must(await demo.LegalAid.RecordActionAsync(station.Id, new LegalAidActionRequest("consultation", on, "婚姻家庭、劳动、财产纠纷法律咨询"),
                LegalAidCaller.Staff(ActorName, District.Scope), cancellationToken));
            if (month >= 6 && month <= 11)
            {
                Must(await demo.LegalAid.RecordActionAsync(firmCase.Id, new LegalAidActionRequest("consultation", on, "律师坐班解答劳动争议咨询"), firm,
                    cancellationToken));
                demo.Clock.Set(on.AddDays(7));
                Must(await demo.LegalAid.RecordActionAsync(firmCase.Id, new LegalAidActionRequest("consultation", on.AddDays(7), "律师上门解答"), firm,
                    cancellationToken));
            }
        }
        demo.Clock.Set(new(2019, 12, 20));
        Must(await demo.LegalAid.RecordActionAsync(firmCase.Id, new LegalAidActionRequest("action", new(2019, 12, 20), "代理劳动仲裁并达成调解"), firm, cancellationToken));
        Must(await demo.LegalAid.CloseAsync(firmCase.Id, "调解结案，追回工资及经济补偿", firm, cancellationToken));
    }

    /// <summary>14 ramps along 书院路 (assigned to 区住建局) and 8 in 天心阁公园 (to its management office): 16 fixed and verified, 6 still on the list.</summary>
    private async Task Defects2019Async(CancellationToken cancellationToken)
    {
        var places = Enumerable.Range(0, 14).Select(i => ($"书院路{120 + i * 20}号路口", 28.1000m + i * 0.0010m, 112.9760m, "区住建局"))
            .Concat(Enumerable.Range(0, 8).Select(i => ($"天心阁公园{(i % 2 == 0 ? "东" : "西")}侧园路{i + 1}号坡道", 28.1900m + i * 0.0003m, 112.9820m, "天心阁管理处")))
            .ToList();
        for (var i = 0; i < places.Count; i++)
        {
            var (address, latitude, longitude, department) = places[i];
            var reported = new DateOnly(2019, 4, 2);
            demo.Clock.Set(reported);
            var defect = Must(await demo.ReportDefect.HandleAsync(new DefectRequest("curb_ramp", address, latitude, longitude, "3.1.2",
                "缘石坡道坡度大于1:12或与车行道存在高差", Communities[i < 14 ? 0 : 1], reported), District, cancellationToken));
            await StepAsync(defect.Id, "confirmed", new(2019, 4, 9), null, null, cancellationToken);
            await StepAsync(defect.Id, "assigned", new(2019, 4, 15), department, null, cancellationToken);
            if (i % 11 >= 8)
            {
                continue;
            }
            await StepAsync(defect.Id, "fixing", new(2019, 5, 6), null, null, cancellationToken);
            var photo = Guid.CreateVersion7();
            await dataSource.Command(
                "insert into attachments (id, owner_kind, owner_id, content_type, file_name, size_bytes, content, uploaded_by) values ($1, 'defect', $2, 'image/png', 'fixed.png', $3, $4, $5)",
                photo, defect.Id, (long)DemoPhoto.Png.Length, DemoPhoto.Png, ActorName).ExecuteAsync(cancellationToken);
            await StepAsync(defect.Id, "fixed", new(2019, 6, 10), null, photo, cancellationToken);
            await StepAsync(defect.Id, "verified", new(2019, 6, 20), null, null, cancellationToken);
        }
    }

    /// <summary>This year's cases for the clocks: on track, at risk and breached petitions, one being handled, one under review, and orders in each state.</summary>
    private async Task OpenCasesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        demo.Clock.Set(today);
        await PetitionAsync("letter", "benefits", Communities[0], "反映护理补贴未按月发放", today.AddDays(-2), cancellationToken);
        await PetitionAsync("visit", "accessibility", Communities[1], "反映社区卫生服务中心无无障碍通道", today.AddDays(-14), cancellationToken);
        await PetitionAsync("online", "rehabilitation", Communities[2], "反映辅具适配等待时间过长", today.AddDays(-20), cancellationToken);
        var handled = await PetitionAsync("letter", "employment_dispute", Communities[3], "反映用人单位拖欠残疾职工工资", today.AddDays(-30), cancellationToken);
        await AcceptAsync(handled, today.AddDays(-28), cancellationToken);
        Must(await demo.Route.HandleAsync(handled, new RouteRequest("assign", Street(Communities[3]).Scope.Area.Value, "街道残联专干", null), District, cancellationToken));
        var reviewed = await PetitionAsync("letter", "benefits", Communities[4], "对生活补贴停发决定有异议", today.AddDays(-40), cancellationToken);
        await AcceptAsync(reviewed, today.AddDays(-39), cancellationToken);
        await ReplyAsync(reviewed, "经核实，因其家庭已退出低保，生活补贴依规停发", today.AddDays(-20), cancellationToken);
        demo.Clock.Set(today);
        Must(await demo.Review.HandleAsync(reviewed, new ReviewRequest(today.AddDays(-5)), District, cancellationToken));
        Must(await demo.Receive.HandleAsync(new CaseRequest("complaint", "walk_in", null, "来访群众", "13900000000", "service_quality", Communities[0],
            "反映社区康复站开放时间太短", today), Street(Communities[0]), cancellationToken));

        // Taken an hour before the demo's own now: the real clock is later than the demo's day at 10:00 from late morning on.
        var states = new[] { "received", "handling", "replied" };
        for (var i = 0; i < states.Length; i++)
        {
            var pushed = Must(await demo.Push.HandleAsync(new PushRequest($"{today:yyyy}-12345-{today:MMdd}{i + 1:D2}", "help_request", demo.Clock.GetUtcNow().AddHours(-1),
                Communities[i], "accessibility", "小区出入口无坡道", "来电市民", "13700000000"), "hotline-12345", cancellationToken));
            if (i >= 1)
            {
                Must(await demo.Street.SignAsync(pushed.Order.CaseId, Street(Communities[i]), cancellationToken));
            }
            if (i >= 2)
            {
                Must(await demo.Street.ReplyAsync(pushed.Order.CaseId, new OrderReplyRequest("已协调物业加装临时坡道"), Street(Communities[i]), cancellationToken));
            }
        }
        var fresh = Must(await demo.ReportDefect.HandleAsync(new DefectRequest("tactile_paving", "劳动西路公交站盲道被占用", 28.1150m, 112.9700m, "3.2.1",
            "盲道被共享单车和摊点占用", Communities[0], today), District, cancellationToken));
        await StepAsync(fresh.Id, "confirmed", today, null, null, cancellationToken);
    }

    private async Task<Guid> PetitionAsync(string channel, string subject, string community, string narrative, DateOnly receivedOn,
        CancellationToken cancellationToken)
    {
        demo.Clock.Set(receivedOn.Year < clock.TodayInChina().Year ? receivedOn : clock.TodayInChina());
        return Must(await demo.Receive.HandleAsync(new CaseRequest("petition", channel, null, "来访人", "13800000000", subject, community, narrative, receivedOn),
            District, cancellationToken));
    }

    private async Task AcceptAsync(Guid id, DateOnly on, CancellationToken cancellationToken)
    {
        demo.Clock.Set(Later(on));
        Must(await demo.Acceptance.HandleAsync(id, new AcceptanceRequest(true, on, null), District, cancellationToken));
    }

    private async Task ReplyAsync(Guid id, string reply, DateOnly on, CancellationToken cancellationToken)
    {
        demo.Clock.Set(Later(on));
        Must(await demo.Reply.HandleAsync(id, new ReplyRequest(reply, on), District, cancellationToken));
    }

    private async Task CloseAsync(Guid id, DateOnly on, CancellationToken cancellationToken)
    {
        demo.Clock.Set(on);
        Must(await demo.Close.HandleAsync(id, new ClosureRequest(on), District, cancellationToken));
    }

    private async Task StepAsync(Guid defect, string to, DateOnly on, string? department, Guid? photo, CancellationToken cancellationToken)
    {
        demo.Clock.Set(Later(on));
        Must(await demo.AdvanceDefect.HandleAsync(defect, new DefectStepRequest(to, on, department, photo), District, cancellationToken));
    }

    /// <summary>A past year's step happens on its day; this year's happen today, dated as they were.</summary>
    private DateOnly Later(DateOnly on) => on.Year < clock.TodayInChina().Year ? on : clock.TodayInChina();

    private static Actor Street(string community) => District with { Scope = new AreaScope(AreaCode.TryParse(community[..9])!) };

    private Task<bool> ExistsAsync(string sql, CancellationToken cancellationToken) =>
        dataSource.Command(sql, ActorName).ScalarAsync<bool>(cancellationToken);
}
