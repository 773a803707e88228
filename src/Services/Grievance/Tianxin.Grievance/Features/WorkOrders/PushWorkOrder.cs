using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Grievance.Features.Cases;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.WorkOrders;

public sealed record PushRequest(
    string OrderNo, string OrderType, DateTimeOffset? ReceivedAt, string CommunityCode, string Subject, string Narrative, string CitizenName,
    string CitizenPhone);

/// <param name="Created">False when the hotline pushed this order before: the push changed nothing.</param>
public sealed record PushResult(WorkOrder Order, bool Created);

/// <summary>
/// 受理/派单: the hotline pushes an order to the street of its community. The order number makes a repeated
/// push harmless; a push of an order this side returned (退单) is the hotline dispatching it again.
/// </summary>
public sealed class PushWorkOrder(NpgsqlDataSource dataSource, CaseRecords records, PersonalDataProtector protector, TimeProvider clock)
{
    public const string InvalidTitle = "工单信息有误 / The work order has errors";

    public async Task<Outcome<PushResult>> HandleAsync(PushRequest request, string hotline, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.OrderNo) || request.OrderNo.Length > 40 || !request.OrderNo.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            errors["order_no"] = ["工单号为不超过40位的字母、数字或连字符 / An order number of at most 40 letters, digits or hyphens."];
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !AreaScope.District.Covers(community.Value))
        {
            errors["community_code"] = ["须为本区的社区代码（12位） / A community code (12 digits) of the district."];
        }
        if (string.IsNullOrWhiteSpace(request.Narrative) || !PlainText.IsValid(request.Narrative.Trim(), 2000))
        {
            errors["narrative"] = ["请填写诉求内容（不超过2000字） / The citizen's request, at most 2,000 characters."];
        }
        if (string.IsNullOrWhiteSpace(request.CitizenName) || !PlainText.IsValid(request.CitizenName.Trim(), 50))
        {
            errors["citizen_name"] = ["请填写来电人姓名 / The caller's name."];
        }
        if (string.IsNullOrWhiteSpace(request.CitizenPhone) || request.CitizenPhone.Length > 20 || !request.CitizenPhone.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            errors["citizen_phone"] = ["请填写来电号码 / The caller's phone number."];
        }
        var now = clock.GetUtcNow();
        if (request.ReceivedAt is not { } receivedAt || receivedAt > now.AddMinutes(5))
        {
            errors["received_at"] = ["受理时间须为不晚于现在的时间（RFC 3339） / The time the hotline took the call (RFC 3339), not in the future."];
        }
        var known = await dataSource.Command(
                "select (select working_days from work_order_types where code = $1) as days, exists (select 1 from subjects where code = $2) as subject",
                request.OrderType, request.Subject)
            .ReadAllAsync(r => (Days: r.Nullable<int>("days"), Subject: r.Get<bool>("subject")), cancellationToken);
        var (days, subjectKnown) = known.Single();
        if (days is null)
        {
            errors["order_type"] = ["工单类型为 consultation、help_request、complaint、report 或 suggestion / An order type this service knows."];
        }
        if (!subjectKnown)
        {
            errors["subject"] = ["没有此诉求类别 / No such subject."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }

        var receivedOn = request.ReceivedAt!.Value.DayInChina();
        var street = request.CommunityCode[..9];
        var created = await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command("select pg_advisory_xact_lock(hashtext('work_order:' || $1))", request.OrderNo).ExecuteAsync(cancellationToken);
            var existing = await transaction.Command("select case_id, state from work_orders where order_no = $1", request.OrderNo)
                .ReadAllAsync(r => (CaseId: r.Get<Guid>("case_id"), State: r.Get<string>("state")), cancellationToken);
            var rules = await ClockRules.ReadAsync(transaction, cancellationToken);
            var signDue = rules.Calendar.AddWorkingDays(receivedOn, rules.WorkOrderSign);
            var handleDue = rules.Calendar.AddWorkingDays(receivedOn, days!.Value);
            if (existing is not [var (caseId, state)])
            {
                var id = Guid.CreateVersion7();
                await records.InsertAsync(transaction, new NewCase(id, "work_order", "hotline", null,
                    protector.Encrypt(request.CitizenName.Trim(), Complainant.NamePurpose), protector.Encrypt(request.CitizenPhone, Complainant.PhonePurpose),
                    request.Subject, request.CommunityCode, street, request.Narrative.Trim(), receivedOn, "acceptance", null, signDue, hotline,
                    "12345-" + request.OrderNo), cancellationToken);
                await transaction.Command(
                    """
                    insert into work_orders (case_id, order_no, order_type, state, pushed_at, received_on, sign_due, handle_due)
                    values ($1, $2, $3, 'received', $4, $5, $6, $7)
                    """, id, request.OrderNo, request.OrderType, request.ReceivedAt.Value.ToUniversalTime(), receivedOn, signDue, handleDue).ExecuteAsync(cancellationToken);
                return (id, true);
            }
            if (state != "returned")
            {
                return (caseId, false);
            }
            await transaction.Command(
                """
                update work_orders set state = 'received', order_type = $2, pushed_at = $3, received_on = $4, sign_due = $5, handle_due = $6,
                       feed_position = nextval('work_order_feed'), version = version + 1
                where case_id = $1
                """, caseId, request.OrderType, request.ReceivedAt.Value.ToUniversalTime(), receivedOn, signDue, handleDue).ExecuteAsync(cancellationToken);
            await transaction.Command(
                "update grievance_cases set stage = 'acceptance', community_code = $2, area_code = $3, due_on = $4, closed_on = null where id = $1",
                caseId, request.CommunityCode, street, signDue).ExecuteAsync(cancellationToken);
            await CaseRecords.StepAsync(transaction, caseId, "redispatched", null, street, null, null, hotline, cancellationToken);
            return (caseId, true);
        }, cancellationToken);
        var order = await WorkOrder.FindByNumberAsync(dataSource, request.OrderNo, cancellationToken);
        return new PushResult(order!, created.Item2);
    }
}
