using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Grievance.Features.Figures;

public static class FiguresApi
{
    public static IEndpointRouteBuilder MapFiguresApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/figures/{year:int}", (int year, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<GrievanceFigures>)await GrievanceFigures.FindAsync(dataSource, year, actor.Scope,
                        cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithTags("Figures").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("年度数据 Petitions by channel, subject and level, replies on time, escalations, 12345 rates, legal aid, defects");
        return endpoints;
    }
}
