using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Applications;

public sealed record SubmitApplicationRequest(Guid? PersonId, Guid? ProgrammeId);

/// <param name="Institution">The contracted institution (partner client id) that will deliver the service.</param>
public sealed record ApproveApplicationRequest(string? Institution);

public sealed record RejectApplicationRequest(string? Reason);

public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder endpoints)
    {
        var applications = endpoints.MapGroup("/applications").WithTags("Applications").RequireAuthorization(PlatformPolicies.Staff);
        applications.MapPost("/", SubmitAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("提交申请 Apply for a person in your area; when not eligible, every failed rule is named");
        applications.MapGet("/", ListAsync)
            .WithSummary("申请队列 Applications of a programme in your area, registered-poor applicants first, then by date");
        applications.MapGet("/{id:guid}", GetAsync).WithSummary("申请 One application with its sessions and devices counted");
        applications.MapPost("/{id:guid}/approval", ApproveAsync).RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("批准 Approve within the programme's budget and assign a contracted institution");
        applications.MapPost("/{id:guid}/rejection", RejectAsync).RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("驳回 Reject with a reason");
        return endpoints;
    }

    public static async Task<Results<Created<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult>> SubmitAsync(
        SubmitApplicationRequest request, ClaimsPrincipal user, ApplicationDesk desk, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        return await desk.SubmitAsync(request.PersonId, request.ProgrammeId, scope, Callers.NameOf(user)!, cancellationToken) switch
        {
            DeskResult.Done done => TypedResults.Created($"/applications/{done.Application.Id}", done.Application),
            DeskResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "不符合项目条件 / Not eligible for this programme"),
            DeskResult.Refused refused => TypedResults.Conflict(refused.Problem),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Ok<IReadOnlyList<Application>>, ForbidHttpResult>> ListAsync(
        Guid? programmeId, string? status, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var applications = await dataSource.Command(
                $"""
                {Application.Select}
                where a.community_code like $1 and ($2::uuid is null or a.programme_id = $2) and ($3::text is null or a.status = $3)
                order by a.registered_poor desc, a.submitted_at limit 1000
                """, scope.Area.LikePattern, programmeId, status)
            .ReadAllAsync(Application.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Application>>(applications);
    }

    public static async Task<Results<Ok<Application>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        AreaScope.Of(user) is not { } scope
            ? TypedResults.Forbid()
            : await Application.FindAsync(dataSource, id, cancellationToken) is { } application && scope.Covers(application.CommunityCode)
                ? TypedResults.Ok(application)
                : TypedResults.NotFound();

    /// <summary>
    /// The budget is taken with one conditional UPDATE of the programme row, so concurrent approvals queue on
    /// that row and the last yuan is never granted twice; a CHECK constraint (committed ≤ budget) backs it.
    /// When the money left would not cover the registered-poor applicants still waiting, only they are approved.
    /// </summary>
    public static async Task<Results<Ok<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ApproveAsync(
        Guid id, ApproveApplicationRequest request, ClaimsPrincipal user, ApplicationDesk desk, CancellationToken cancellationToken) =>
        Decision(await desk.ApproveAsync(id, request.Institution, Callers.NameOf(user)!, cancellationToken));

    public static async Task<Results<Ok<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> RejectAsync(
        Guid id, RejectApplicationRequest request, ClaimsPrincipal user, ApplicationDesk desk, CancellationToken cancellationToken) =>
        Decision(await desk.RejectAsync(id, request.Reason, Callers.NameOf(user)!, cancellationToken));

    private static Results<Ok<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>> Decision(DeskResult result) => result switch
    {
        DeskResult.Done done => TypedResults.Ok(done.Application),
        DeskResult.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors),
        DeskResult.Refused refused => TypedResults.Conflict(refused.Problem),
        _ => TypedResults.NotFound(),
    };
}
