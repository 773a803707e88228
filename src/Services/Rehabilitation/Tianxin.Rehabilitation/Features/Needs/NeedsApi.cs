using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Needs;

public static class NeedsApi
{
    public static IServiceCollection AddNeeds(this IServiceCollection services) => services.AddSingleton<AssessNeed>();

    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/needs", (AssessNeedRequest request, HttpContext http, AssessNeed assess, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => assess.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(need => TypedResults.Created($"/needs/{need.Id}", need)))
            .WithTags("Needs").RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("需求评估 Record that a person in your area needs a kind of rehabilitation or device (the coverage denominator)");
        return endpoints;
    }
}
