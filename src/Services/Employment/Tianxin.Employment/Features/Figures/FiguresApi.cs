using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Figures;

public static class FiguresApi
{
    public static IServiceCollection AddFigures(this IServiceCollection services) => services.AddSingleton<FindEmploymentFigures>();

    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/figures/{year:int}", (int year, HttpContext http, FindEmploymentFigures figures, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<EmploymentFigures>)await figures.HandleAsync(year, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithTags("Figures").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("就业托养统计 A year's programmes (people, money, budget left), employment rate, training coverage and conversion, quota compliance, zero-employment households");
        return endpoints;
    }
}
