using System.Globalization;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Rehabilitation.V1;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.Figures;
using ServiceInfo = Tianxin.Protos.Common.V1.ServiceInfo;
using SubmitApplicationRequest = Tianxin.Protos.Rehabilitation.V1.SubmitApplicationRequest;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <summary>Thin: the calling institution is the token's client; protos map to <see cref="Delivery"/>.</summary>
public sealed class RehabilitationGrpcService(ServiceInfoSource info, Delivery delivery, ApplicationDesk desk, NpgsqlDataSource dataSource)
    : RehabilitationService.RehabilitationServiceBase
{
    public override Task<ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) => info.DescribeForGrpc();

    [Authorize(Policy = DeliveryPolicy.Read)]
    public override async Task<ListAssignedCasesResponse> ListAssignedCases(ListAssignedCasesRequest request, ServerCallContext context)
    {
        var status = string.IsNullOrEmpty(request.Status) ? "approved" : request.Status;
        if (status is not ("approved" or "completed"))
        {
            throw GrpcErrors.InvalidArgument("状态有误 / Unknown status", new Dictionary<string, string[]> { ["status"] = ["approved or completed"] });
        }
        var response = new ListAssignedCasesResponse();
        response.Cases.AddRange((await delivery.AssignedAsync(Institution(context), status, context.CancellationToken)).Select(ToProto));
        return response;
    }

    /// <summary>Partners have no area: they apply district-wide, but only to programmes they are contracted for.</summary>
    [Authorize(Policy = DeliveryPolicy.Write)]
    public override async Task<Case> SubmitApplication(SubmitApplicationRequest request, ServerCallContext context)
    {
        var institution = Institution(context);
        var errors = new Dictionary<string, string[]>();
        if (!Guid.TryParse(request.PersonId, out var personId))
        {
            errors["personId"] = ["残疾人编号无效 / Not a person id."];
        }
        var programme = await dataSource.Command("select id from programmes where code = $1 and year = $2 and $3 = any(institutions)",
                request.ProgrammeCode, request.Year, institution)
            .ReadAllAsync(reader => reader.GetGuid(0), context.CancellationToken);
        if (programme.Count == 0)
        {
            errors["programmeCode"] = ["该年度没有贵机构承担的此项目 / No such programme of that year contracted to you."];
        }
        if (errors.Count > 0)
        {
            throw GrpcErrors.InvalidArgument("申请信息有误 / The application has errors", errors);
        }
        return await desk.SubmitAsync(personId, programme[0], District, institution, context.CancellationToken) switch
        {
            DeskResult.Done done => ToProto(done.Application),
            DeskResult.Invalid invalid => throw GrpcErrors.InvalidArgument("不符合项目条件 / Not eligible for this programme", invalid.Errors),
            DeskResult.Refused refused => throw GrpcErrors.Status(StatusCode.AlreadyExists, refused.Problem.Title!),
            _ => throw GrpcErrors.Status(StatusCode.NotFound, "本服务尚无此残疾人的资格信息 / No eligibility facts for this person yet"),
        };
    }

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override async Task<Case> RecordSession(RecordSessionRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = ParseId(request.CaseId, errors);
        var heldOn = GrpcFields.Date(request.HeldOn, "heldOn", errors);
        return Answer(errors.Count > 0
            ? new DeliveryResult.Invalid(errors)
            : await delivery.RecordSessionAsync(Institution(context), caseId, heldOn, request.Kind, request.Minutes, request.Therapist,
                context.CancellationToken));
    }

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override async Task<Case> RecordDevices(RecordDevicesRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = ParseId(request.CaseId, errors);
        var fittedOn = GrpcFields.Date(request.FittedOn, "fittedOn", errors);
        var cost = ParseYuan(request.Cost, "cost", errors);
        return Answer(errors.Count > 0
            ? new DeliveryResult.Invalid(errors)
            : await delivery.RecordDevicesAsync(Institution(context), caseId, request.DeviceType, request.Count, cost, fittedOn,
                context.CancellationToken));
    }

    [Authorize(Policy = DeliveryPolicy.Write)]
    public override async Task<Case> CompleteCase(CompleteCaseRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = ParseId(request.CaseId, errors);
        var completedOn = GrpcFields.Date(request.CompletedOn, "completedOn", errors);
        var spent = string.IsNullOrEmpty(request.Spent) ? null : ParseYuan(request.Spent, "spent", errors);
        return Answer(errors.Count > 0
            ? new DeliveryResult.Invalid(errors)
            : await delivery.CompleteAsync(Institution(context), caseId, completedOn, request.Outcome, spent, context.CancellationToken));
    }

    [Authorize(Policy = PlatformScopes.RehabilitationScreeningsWrite)]
    public override async Task<RecordScreeningResponse> RecordScreening(RecordScreeningRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var heldOn = GrpcFields.Date(request.HeldOn, "heldOn", errors);
        if (errors.Count == 0)
        {
            (var id, errors) = await delivery.RecordScreeningAsync(Institution(context), request.ProgrammeCode, request.Year, request.Place, heldOn,
                request.PeopleScreened, context.CancellationToken);
            if (id is { } screening)
            {
                return new RecordScreeningResponse { Id = screening.ToString() };
            }
        }
        throw GrpcErrors.InvalidArgument("筛查信息有误 / The screening has errors", errors);
    }

    [Authorize(Policy = PlatformScopes.RehabilitationScreeningsWrite)]
    public override async Task<Case> RecordOperation(RecordOperationRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        var caseId = ParseId(request.CaseId, errors);
        var performedOn = GrpcFields.Date(request.PerformedOn, "performedOn", errors);
        return Answer(errors.Count > 0
            ? new DeliveryResult.Invalid(errors)
            : await delivery.RecordOperationAsync(Institution(context), caseId, performedOn, request.Kind, context.CancellationToken));
    }

    [Authorize(Policy = PlatformPolicies.Staff)]
    public override async Task<GetProgrammeFiguresResponse> GetProgrammeFigures(GetProgrammeFiguresRequest request, ServerCallContext context)
    {
        var response = new GetProgrammeFiguresResponse();
        foreach (var figures in await ProgrammeFiguresApi.FindAsync(dataSource, request.Year == 0 ? null : request.Year, context.CancellationToken))
        {
            response.Programmes.Add(new Protos.Rehabilitation.V1.ProgrammeFigures
            {
                ProgrammeId = figures.ProgrammeId.ToString(), Code = figures.Code, Year = figures.Year, Name = figures.Name,
                Budget = Yuan(figures.Budget), Committed = Yuan(figures.Committed), Spent = Yuan(figures.Spent), BudgetLeft = Yuan(figures.BudgetLeft),
                Applications = figures.Applications, PeopleServed = figures.PeopleServed, PeopleInService = figures.PeopleInService,
                ItemsFitted = figures.ItemsFitted, Sessions = figures.Sessions, Screenings = figures.Screenings, PeopleScreened = figures.PeopleScreened,
                NeedsAssessed = figures.NeedsAssessed, NeedsServed = figures.NeedsServed,
                Coverage = figures.Coverage?.ToString(CultureInfo.InvariantCulture) ?? "", Operations = figures.Operations,
            });
        }
        return response;
    }

    private static readonly AreaScope District = new(AreaCode.TryParse("430103")!);

    private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static Case Answer(DeliveryResult result) => result switch
    {
        DeliveryResult.Done done => ToProto(done.Case),
        DeliveryResult.Invalid invalid => throw GrpcErrors.InvalidArgument("信息有误 / The request has errors", invalid.Errors),
        DeliveryResult.NotAllowed refused => throw GrpcErrors.Status(StatusCode.FailedPrecondition, $"{refused.Rule}: {refused.Message}"),
        _ => throw GrpcErrors.Status(StatusCode.NotFound, "没有分派给贵机构的此个案 / No such case assigned to you"),
    };

    private static string Institution(ServerCallContext context) =>
        context.GetHttpContext().User.FindFirst(PlatformClaims.ClientId)?.Value
        ?? throw GrpcErrors.Status(StatusCode.PermissionDenied, "需要合作机构的令牌 / A partner institution's token is needed");

    private static Guid ParseId(string value, Dictionary<string, string[]> errors)
    {
        if (Guid.TryParse(value, out var id))
        {
            return id;
        }
        errors["caseId"] = ["个案编号无效 / Not a case id."];
        return Guid.Empty;
    }


    private static decimal? ParseYuan(string value, string field, Dictionary<string, string[]> errors)
    {
        if (decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var yuan))
        {
            return yuan;
        }
        errors[field] = ["金额为十进制元，如 1280.50 / An amount in yuan, e.g. 1280.50."];
        return null;
    }

    private static Case ToProto(Application application) => new()
    {
        Id = application.Id.ToString(), PersonId = application.PersonId.ToString(), ProgrammeCode = application.ProgrammeCode,
        Year = application.Year, Status = application.Status, Amount = Yuan(application.Amount),
        ApprovedOn = application.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Sessions = application.Sessions,
        Devices = application.Devices,
    };
}
