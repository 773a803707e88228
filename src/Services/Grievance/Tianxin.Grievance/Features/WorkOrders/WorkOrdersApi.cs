using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Grievance.Features.WorkOrders;

public static class WorkOrdersApi
{
    public static IServiceCollection AddWorkOrders(this IServiceCollection services) =>
        services.AddSingleton<WorkOrderSteps>().AddSingleton<PushWorkOrder>().AddSingleton<StaffOrderSteps>().AddSingleton<HotlineOrderSteps>();

    public static IEndpointRouteBuilder MapWorkOrdersApi(this IEndpointRouteBuilder endpoints)
    {
        var orders = endpoints.MapGroup("/work-orders").WithTags("12345 work orders").RequireAuthorization(PlatformPolicies.Staff);
        orders.MapGet("/", (string? state, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<WorkOrder>>)await WorkOrder.ListAsync(dataSource, state, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("12345工单 Orders held by your area; state received, handling, replied, closed or returned");
        orders.MapGet("/{caseId:guid}", async (Guid caseId, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                await Actor.From(http).ThenAsync(async actor => await WorkOrder.FindAsync(dataSource, caseId, actor.Scope, cancellationToken) is { } order
                        ? (Outcome<WorkOrder>)order
                        : Failure.Missing)
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("工单详情 One order with its deadlines");
        orders.MapGet("/rates/{year:int}", (int year, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<StreetMonthRates>>)await WorkOrderRates.FindAsync(dataSource, year, actor.Scope,
                        cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("签收率、按时办结率、满意率、解决率 The hotline's rates per street and month");
        orders.MapPost("/{caseId:guid}/sign", (Guid caseId, HttpContext http, StaffOrderSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.SignAsync(caseId, actor, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("签收 Sign for an order");
        orders.MapPost("/{caseId:guid}/return", (Guid caseId, OrderReasonRequest request, HttpContext http, StaffOrderSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.ReturnAsync(caseId, request, actor, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("退单 Return an order as not ours, before signing");
        orders.MapPost("/{caseId:guid}/extension", (Guid caseId, OrderExtensionRequest request, HttpContext http, StaffOrderSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.RequestExtensionAsync(caseId, request, actor, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("延期申请 Ask the hotline once for more working days");
        orders.MapPost("/{caseId:guid}/reply", (Guid caseId, OrderReplyRequest request, HttpContext http, StaffOrderSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.ReplyAsync(caseId, request, actor, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("回复 Reply to the hotline");
        orders.MapPost("/{caseId:guid}/closure", (Guid caseId, HttpContext http, StaffOrderSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.CloseAsync(caseId, actor, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("办结 Close a replied order");
        return endpoints;
    }
}
