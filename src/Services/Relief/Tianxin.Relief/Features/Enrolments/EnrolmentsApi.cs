using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Relief.Features.Enrolments;

public static class EnrolmentsApi
{
    public static IServiceCollection AddEnrolments(this IServiceCollection services) =>
        services.AddSingleton<SubsidyDiscovery>().AddSingleton<EnrolmentSteps>().AddSingleton<ListEnrolments>().AddSingleton<AcceptEnrolment>()
            .AddSingleton<ReviewEnrolment>().AddSingleton<DecideEnrolment>();

    public static IEndpointRouteBuilder MapEnrolmentsApi(this IEndpointRouteBuilder endpoints)
    {
        var enrolments = endpoints.MapGroup("/enrolments").WithTags("Two subsidies").RequireAuthorization(PlatformPolicies.Staff);
        enrolments.MapGet("/", ([AsParameters] EnrolmentQuery query, HttpContext http, ListEnrolments list, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => list.HandleAsync(query, actor.Scope, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("两项补贴工作台 Enrolments of your area (?status=proposed for proposals found from the registry), oldest first, paged with the total");
        enrolments.MapGet("/{id:guid}", (Guid id, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        await Enrolment.FindAsync(dataSource, id, actor.Scope, cancellationToken) is { } found ? (Outcome<Enrolment>)found : Failure.Missing)
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("补贴申请 One enrolment, with the rule that found the person");
        enrolments.MapPost("/{id:guid}/acceptance", (Guid id, AcceptanceRequest request, HttpContext http, AcceptEnrolment accept,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => accept.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("受理初审 The street accepts (with the bank account and other benefits) or refuses with a reason");
        enrolments.MapPost("/{id:guid}/review", (Guid id, StepRequest request, HttpContext http, ReviewEnrolment review,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => review.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("区残联审核 The district federation reviews, or refuses with a reason");
        enrolments.MapPost("/{id:guid}/decision", (Guid id, StepRequest request, HttpContext http, DecideEnrolment decide,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => decide.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("区民政审定 Decided for civil affairs when the bureau is not connected (it decides over gRPC otherwise)");
        return endpoints;
    }
}
