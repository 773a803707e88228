using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Figures;

public static class FiguresApi
{
    public static IServiceCollection AddFigures(this IServiceCollection services) => services.AddSingleton<FindProgrammeFigures>();

    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/figures", async (int? year, FindProgrammeFigures figures, CancellationToken cancellationToken) =>
                TypedResults.Ok(await figures.HandleAsync(year, cancellationToken)))
            .WithTags("Figures").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("项目数据 Per programme of a year: people served, items fitted, money committed and spent, budget left, coverage of needs");
        return endpoints;
    }
}
