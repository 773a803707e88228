using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Grievance;
using Tianxin.Grievance.Features.LegalAid;
using Tianxin.Grievance.Features.WorkOrders;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Grievance.V1;
using Domain = Tianxin.Grievance.Features;
using Proto = Tianxin.Protos.Grievance.V1;

namespace Tianxin.Grievance.Grpc;

/// <summary>Thin: the hotline and law firms act as their client id, street staff as themselves; each method calls the handler REST calls and maps the answer.</summary>
[BindServiceMethod(typeof(GrievanceGrpcService), nameof(BindService))]
public sealed class GrievanceGrpcService(
    ServiceInfoSource info, NpgsqlDataSource dataSource, PushWorkOrder push, HotlineOrderSteps hotline, StaffOrderSteps staff, LegalAidSteps legalAid)
    : GrievanceService.GrievanceServiceBase
{
    public static void BindService(ServiceBinderBase binder, GrievanceService.GrievanceServiceBase service) =>
        GrievanceService.BindService(new MalformedRequests(binder), service);

    private const string NotACase = "案件编号无效 / Not a case id.";

    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();

    [Authorize(Policy = GrievanceScopes.WorkOrdersWrite)]
    public override async Task<PushWorkOrderResponse> PushWorkOrder(PushWorkOrderRequest request, ServerCallContext context)
    {
        DateTimeOffset? receivedAt = DateTimeOffset.TryParse(request.ReceivedAt, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        var pushed = await push.HandleAsync(new PushRequest(request.OrderNo, request.OrderType, receivedAt, request.CommunityCode, request.Subject,
            request.Narrative, request.CitizenName, request.CitizenPhone), GrpcCallers.PartnerOf(context), context.CancellationToken);
        return pushed.ToGrpc(done => new PushWorkOrderResponse { Order = ToProto(done.Order), Created = done.Created });
    }

    [Authorize(Policy = GrievanceScopes.WorkOrdersWrite)]
    public override async Task<Proto.WorkOrder> GetWorkOrder(GetWorkOrderRequest request, ServerCallContext context) =>
        await Domain.WorkOrders.WorkOrder.FindByNumberAsync(dataSource, request.OrderNo, context.CancellationToken) is { } order
            ? ToProto(order)
            : throw OutcomeGrpc.ToRpcException(Failure.Missing);

    [Authorize(Policy = GrievanceScopes.WorkOrdersWrite)]
    public override async Task<ListWorkOrderUpdatesResponse> ListWorkOrderUpdates(ListWorkOrderUpdatesRequest request, ServerCallContext context)
    {
        var changed = await Domain.WorkOrders.WorkOrder.ChangedAfterAsync(dataSource, request.AfterPosition, request.Limit == 0 ? 100 : request.Limit, context.CancellationToken);
        return new ListWorkOrderUpdatesResponse
        {
            Orders = { changed.Select(ToProto) },
            LastPosition = changed.Count > 0 ? changed[^1].FeedPosition : request.AfterPosition,
        };
    }

    [Authorize(Policy = GrievanceScopes.WorkOrdersWrite)]
    public override Task<Proto.WorkOrder> DecideExtension(DecideExtensionRequest request, ServerCallContext context) =>
        hotline.DecideExtensionAsync(request.OrderNo, request.Approved, GrpcCallers.PartnerOf(context), context.CancellationToken).ToGrpc(ToProto);

    [Authorize(Policy = GrievanceScopes.WorkOrdersWrite)]
    public override Task<Proto.WorkOrder> RecordCallBack(RecordCallBackRequest request, ServerCallContext context) =>
        hotline.RecordCallBackAsync(request.OrderNo, request.Satisfaction, request.Resolved, GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(ToProto);

    [Authorize(Policy = GrievanceScopes.WorkOrdersWrite)]
    public override Task<Proto.WorkOrder> SuperviseWorkOrder(SuperviseWorkOrderRequest request, ServerCallContext context) =>
        hotline.SuperviseAsync(request.OrderNo, request.Reason, GrpcCallers.PartnerOf(context), context.CancellationToken).ToGrpc(ToProto);

    [Authorize(Policy = PlatformPolicies.Caseworker)]
    public override Task<Proto.WorkOrder> SignWorkOrder(SignWorkOrderRequest request, ServerCallContext context) =>
        staff.SignAsync(CaseId(request.CaseId), GrpcCallers.ActorOf(context), context.CancellationToken).ToGrpc(ToProto);

    [Authorize(Policy = PlatformPolicies.Caseworker)]
    public override Task<Proto.WorkOrder> ReturnWorkOrder(ReturnWorkOrderRequest request, ServerCallContext context) =>
        staff.ReturnAsync(CaseId(request.CaseId), new OrderReasonRequest(request.Reason), GrpcCallers.ActorOf(context), context.CancellationToken)
            .ToGrpc(ToProto);

    [Authorize(Policy = PlatformPolicies.Caseworker)]
    public override Task<Proto.WorkOrder> ReplyWorkOrder(ReplyWorkOrderRequest request, ServerCallContext context) =>
        staff.ReplyAsync(CaseId(request.CaseId), new OrderReplyRequest(request.Reply), GrpcCallers.ActorOf(context), context.CancellationToken)
            .ToGrpc(ToProto);

    [Authorize(Policy = GrievanceScopes.LegalAidWrite)]
    public override async Task<ListLegalAidCasesResponse> ListLegalAidCases(ListLegalAidCasesRequest request, ServerCallContext context) =>
        new()
        {
            Cases =
            {
                (await Domain.LegalAid.LegalAidCase.ListAsync(dataSource, string.IsNullOrEmpty(request.Status) ? null : request.Status,
                    LegalAidCaller.LawFirm(GrpcCallers.PartnerOf(context)), context.CancellationToken)).Select(ToProto),
            },
        };

    [Authorize(Policy = GrievanceScopes.LegalAidWrite)]
    public override Task<Proto.LegalAidCase> AcceptLegalAidCase(AcceptLegalAidCaseRequest request, ServerCallContext context) =>
        legalAid.AcceptAsync(LegalAidId(request.Id), LegalAidCaller.LawFirm(GrpcCallers.PartnerOf(context)), context.CancellationToken).ToGrpc(ToProto);

    [Authorize(Policy = GrievanceScopes.LegalAidWrite)]
    public override Task<Proto.LegalAidCase> RecordLegalAidAction(RecordLegalAidActionRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(request.Id, "id", errors, NotACase);
        var on = GrpcFields.Date(request.On, "on", errors);
        GrpcFields.ThrowIfAny(errors);
        return legalAid.RecordActionAsync(id, new LegalAidActionRequest(request.Kind, on, request.Note), LegalAidCaller.LawFirm(GrpcCallers.PartnerOf(context)),
            context.CancellationToken).ToGrpc(ToProto);
    }

    [Authorize(Policy = GrievanceScopes.LegalAidWrite)]
    public override Task<Proto.LegalAidCase> CloseLegalAidCase(CloseLegalAidCaseRequest request, ServerCallContext context) =>
        legalAid.CloseAsync(LegalAidId(request.Id), request.Outcome, LegalAidCaller.LawFirm(GrpcCallers.PartnerOf(context)), context.CancellationToken)
            .ToGrpc(ToProto);

    [Authorize(Policy = PlatformPolicies.Staff)]
    public override async Task<GetGrievanceTalliesResponse> GetGrievanceTallies(GetGrievanceTalliesRequest request, ServerCallContext context)
    {
        if (request.Year is < 2000 or > 2100)
        {
            GrpcFields.ThrowIfAny(new() { ["year"] = ["年度应为2000至2100 / The year is 2000 to 2100."] });
        }
        var tallies = await Domain.Figures.GrievanceTallies.FindAsync(dataSource, request.Year, GrpcCallers.ActorOf(context).Scope, context.CancellationToken);
        return new() { Tallies = { tallies.Select(t => new Proto.GrievanceTally { Programme = t.Programme, Measure = t.Measure, Count = t.Count }) } };
    }

    private static Guid CaseId(string text) => Id(text, "case_id");

    private static Guid LegalAidId(string text) => Id(text, "id");

    private static Guid Id(string text, string field)
    {
        var errors = new Dictionary<string, string[]>();
        var id = GrpcFields.Id(text, field, errors, NotACase);
        GrpcFields.ThrowIfAny(errors);
        return id;
    }

    private static Proto.WorkOrder ToProto(Domain.WorkOrders.WorkOrder order) => new()
    {
        CaseId = order.CaseId.ToString(), OrderNo = order.OrderNo, OrderType = order.OrderType, State = order.State, CommunityCode = order.CommunityCode,
        ReceivedOn = GrpcFields.Text(order.ReceivedOn), SignDue = GrpcFields.Text(order.SignDue), HandleDue = GrpcFields.Text(order.HandleDue),
        SignedOn = GrpcFields.Text(order.SignedOn), Returns = order.Returns, ReturnReason = order.ReturnReason ?? "",
        ExtensionWorkingDays = order.ExtensionDays ?? 0, ExtensionState = order.ExtensionState ?? "", RepliedOn = GrpcFields.Text(order.RepliedOn),
        Reply = order.Reply ?? "", ClosedOn = GrpcFields.Text(order.ClosedOn), CalledBackOn = GrpcFields.Text(order.CalledBackOn),
        Satisfaction = order.Satisfaction ?? "", Resolved = order.Resolved ?? false, Supervised = order.Supervised, Position = order.FeedPosition,
    };

    private static Proto.LegalAidCase ToProto(Domain.LegalAid.LegalAidCase found) => new()
    {
        Id = found.Id.ToString(), CommunityCode = found.CommunityCode, Matter = found.Matter, Status = found.Status,
        OpenedOn = GrpcFields.Text(found.OpenedOn), AcceptedOn = GrpcFields.Text(found.AcceptedOn), ClosedOn = GrpcFields.Text(found.ClosedOn),
        Outcome = found.Outcome ?? "",
    };
}
