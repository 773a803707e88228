using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Applications;

public static class ApplicationsApi
{
    public static IServiceCollection AddApplications(this IServiceCollection services) =>
        services.AddSingleton<SubmitApplication>().AddSingleton<ListApplications>().AddSingleton<ApproveApplication>()
            .AddSingleton<RejectApplication>();

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder endpoints)
    {
        var applications = endpoints.MapGroup("/applications").WithTags("Applications").RequireAuthorization(PlatformPolicies.Staff);
        applications.MapPost("/", (SubmitApplicationRequest request, HttpContext http, SubmitApplication submit, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => submit.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(application => TypedResults.Created($"/applications/{application.Id}", application)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("提交申请 Apply for a person in your area; when not eligible, every failed rule is named");
        applications.MapGet("/", (Guid? programmeId, string? status, HttpContext http, ListApplications list, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => list.HandleAsync(programmeId, status, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("申请队列 Applications of a programme in your area, registered-poor applicants first, then by date");
        applications.MapGet("/{id:guid}", (Guid id, HttpContext http, ListApplications list, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => list.FindAsync(id, actor.Scope, cancellationToken))
                    .ToHttp(application => TypedResults.Ok(application)))
            .WithSummary("申请 One application with its sessions and devices counted");
        applications.MapPost("/{id:guid}/approval", (Guid id, ApproveApplicationRequest request, HttpContext http, ApproveApplication approve,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => approve.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(application => TypedResults.Ok(application)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("批准 Approve within the programme's budget and assign a contracted institution");
        applications.MapPost("/{id:guid}/rejection", (Guid id, RejectApplicationRequest request, HttpContext http, RejectApplication reject,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => reject.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(application => TypedResults.Ok(application)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("驳回 Reject with a reason");
        return endpoints;
    }
}
