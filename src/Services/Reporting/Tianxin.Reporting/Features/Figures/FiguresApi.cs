using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Reporting.Features.Figures;

public static class FiguresApi
{
    public static IServiceCollection AddFigures(this IServiceCollection services) => services.AddHostedService<DistrictFiguresRefresh>();

    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/figures", FindAsync)
            .WithTags("Figures").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("统计数据 Figures per programme and measure for the year, each month and each street, within the caller's area (?year=&area=)");
        return endpoints;
    }

    private static async Task<Results<Ok<List<FigureRow>>, ValidationProblem, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>,
        Conflict<Microsoft.AspNetCore.Mvc.ProblemDetails>, ForbidHttpResult>> FindAsync(int? year, string? area, HttpContext http,
        NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
        await Actor.From(http).ThenAsync(async actor =>
            {
                var asked = year ?? clock.GetUtcNow().Year;
                if (ReportYear.Check(asked, clock) is { } invalid)
                {
                    return (Outcome<List<FigureRow>>)invalid;
                }
                return ReportArea.Within(actor.Scope, area) is { } scope
                    ? (Outcome<List<FigureRow>>)await ProgrammeFigures.FindAsync(dataSource, asked, scope, cancellationToken)
                    : ReportArea.Outside;
            })
            .ToHttp(rows => TypedResults.Ok(rows));
}
