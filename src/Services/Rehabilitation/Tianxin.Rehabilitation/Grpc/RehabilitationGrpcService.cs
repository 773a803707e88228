using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Rehabilitation.V1;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.Delivery;
using Tianxin.Rehabilitation.Features.Figures;
using Domain = Tianxin.Rehabilitation.Features;
using Proto = Tianxin.Protos.Rehabilitation.V1;

namespace Tianxin.Rehabilitation.Grpc;

/// <summary>Thin: the calling institution is the token's client; each method reads its proto, calls the same handler as REST and maps the answer.</summary>
[BindServiceMethod(typeof(RehabilitationGrpcService), nameof(BindService))]
public sealed class RehabilitationGrpcService(
    ServiceInfoSource info, ListAssignedCases assigned, SubmitApplication submit, RecordSession sessions, RecordDevices devices,
    CompleteCase completion, RecordScreening screenings, RecordOperation operations, FindProgrammeFigures figures)
    : RehabilitationService.RehabilitationServiceBase
{
    public static void BindService(ServiceBinderBase binder, RehabilitationService.RehabilitationServiceBase service) =>
        RehabilitationService.BindService(new MalformedRequests(binder), service);

    private const string NotACase = "个案编号无效 / Not a case id.";

    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();

    [Authorize(Policy = DeliveryPolicy.Read)]
    public override Task<ListAssignedCasesResponse> ListAssignedCases(ListAssignedCasesRequest request, ServerCallContext context) =>
        assigned.HandleAsync(GrpcCallers.PartnerOf(context), request.Status, request.PageSize, request.PageToken, context.CancellationToken)
            .ToGrpc(page => new ListAssignedCasesResponse { Cases = { page.Cases.Select(ToProto) }, NextPageToken = page.NextPageToken ?? "" });

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override Task<Case> SubmitApplication(Proto.SubmitApplicationRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var personId = GrpcFields.Id(request.PersonId, "personId", errors, "残疾人编号无效 / Not a person id.");
        GrpcFields.ThrowIfAny(errors, "申请信息有误 / The application has errors");
        return submit.ForInstitutionAsync(personId, request.ProgrammeCode, request.Year, GrpcCallers.PartnerOf(context), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override Task<Case> RecordSession(Proto.RecordSessionRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = GrpcFields.Id(request.CaseId, "caseId", errors, NotACase);
        var heldOn = GrpcFields.Date(request.HeldOn, "heldOn", errors);
        GrpcFields.ThrowIfAny(errors);
        return sessions.HandleAsync(GrpcCallers.PartnerOf(context),
                new Domain.Delivery.RecordSessionRequest(caseId, heldOn, request.Kind, request.Minutes, request.Therapist), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override Task<Case> RecordDevices(Proto.RecordDevicesRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = GrpcFields.Id(request.CaseId, "caseId", errors, NotACase);
        var fittedOn = GrpcFields.Date(request.FittedOn, "fittedOn", errors);
        var cost = Yuan.Parse(request.Cost, "cost", errors);
        GrpcFields.ThrowIfAny(errors);
        return devices.HandleAsync(GrpcCallers.PartnerOf(context),
                new Domain.Delivery.RecordDevicesRequest(caseId, request.DeviceType, request.Count, cost?.Amount, fittedOn), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override Task<Case> CompleteCase(Proto.CompleteCaseRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = GrpcFields.Id(request.CaseId, "caseId", errors, NotACase);
        var completedOn = GrpcFields.Date(request.CompletedOn, "completedOn", errors);
        var spent = string.IsNullOrEmpty(request.Spent) ? null : Yuan.Parse(request.Spent, "spent", errors);
        GrpcFields.ThrowIfAny(errors);
        return completion.HandleAsync(GrpcCallers.PartnerOf(context),
                new Domain.Delivery.CompleteCaseRequest(caseId, completedOn, request.Outcome, spent?.Amount), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = RehabilitationScopes.ScreeningsWrite)]
    public override Task<RecordScreeningResponse> RecordScreening(Proto.RecordScreeningRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var heldOn = GrpcFields.Date(request.HeldOn, "heldOn", errors);
        GrpcFields.ThrowIfAny(errors, "筛查信息有误 / The screening has errors");
        return screenings.HandleAsync(GrpcCallers.PartnerOf(context),
                new Domain.Delivery.RecordScreeningRequest(request.ProgrammeCode, request.Year, request.Place, heldOn, request.PeopleScreened),
                context.CancellationToken)
            .ToGrpc(id => new RecordScreeningResponse { Id = id.ToString() });
    }

    [Authorize(Policy = RehabilitationScopes.ScreeningsWrite)]
    public override Task<Case> RecordOperation(Proto.RecordOperationRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = GrpcFields.Id(request.CaseId, "caseId", errors, NotACase);
        var performedOn = GrpcFields.Date(request.PerformedOn, "performedOn", errors);
        GrpcFields.ThrowIfAny(errors);
        return operations.HandleAsync(GrpcCallers.PartnerOf(context),
                new Domain.Delivery.RecordOperationRequest(caseId, performedOn, request.Kind), context.CancellationToken)
            .ToGrpc(ToProto);
    }

    [Authorize(Policy = PlatformPolicies.Staff)]
    public override async Task<GetProgrammeFiguresResponse> GetProgrammeFigures(GetProgrammeFiguresRequest request, ServerCallContext context) =>
        new() { Programmes = { (await figures.HandleAsync(request.Year == 0 ? null : request.Year, context.CancellationToken)).Select(ToProto) } };

    private static Case ToProto(Application application) => new()
    {
        Id = application.Id.ToString(), PersonId = application.PersonId.ToString(), ProgrammeCode = application.ProgrammeCode,
        Year = application.Year, Status = application.Status, Amount = Yuan.Of(application.Amount).ToPlain(),
        ApprovedOn = GrpcFields.Text(application.DecidedOn), Sessions = application.Sessions, Devices = application.Devices,
    };

    private static Proto.ProgrammeFigures ToProto(Domain.Figures.ProgrammeFigures figures) => new()
    {
        ProgrammeId = figures.ProgrammeId.ToString(), Code = figures.Code, Year = figures.Year, Name = figures.Name,
        Budget = Yuan.Of(figures.Budget).ToPlain(), Committed = Yuan.Of(figures.Committed).ToPlain(), Spent = Yuan.Of(figures.Spent).ToPlain(),
        BudgetLeft = Yuan.Of(figures.BudgetLeft).ToPlain(), Applications = figures.Applications, PeopleServed = figures.PeopleServed,
        PeopleInService = figures.PeopleInService, ItemsFitted = figures.ItemsFitted, Sessions = figures.Sessions, Screenings = figures.Screenings,
        PeopleScreened = figures.PeopleScreened, NeedsAssessed = figures.NeedsAssessed, NeedsServed = figures.NeedsServed,
        Coverage = figures.Coverage?.ToString(CultureInfo.InvariantCulture) ?? "", Operations = figures.Operations,
        Approved = Yuan.Of(figures.Approved).ToPlain(), PeopleApproved = figures.PeopleApproved, DevicesCost = Yuan.Of(figures.DevicesCost).ToPlain(),
        PeopleFitted = figures.PeopleFitted,
    };
}
