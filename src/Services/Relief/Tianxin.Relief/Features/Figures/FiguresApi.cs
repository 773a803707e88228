using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Relief.Features.Figures;

public static class FiguresApi
{
    public static IServiceCollection AddFigures(this IServiceCollection services) => services.AddSingleton<FindReliefFigures>();

    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder endpoints)
    {
        var figures = endpoints.MapGroup("/figures").WithTags("Figures").RequireAuthorization(PlatformPolicies.Staff);
        figures.MapGet("/", (int? year, HttpContext http, FindReliefFigures find, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<ReliefFigures>)await find.HandleAsync(year, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("救助数据 The year in your area: subsidy payments per month, two-subsidy coverage, each programme's cases, money and budget left");
        figures.MapGet("/coverage-gaps", (int? year, HttpContext http, FindReliefFigures find, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<CoverageGap>>)await find.GapsAsync(year, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("应享未享 Eligible persons not enrolled, and why (waiting at a step, refused, or not proposed)");
        return endpoints;
    }
}
