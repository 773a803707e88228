using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.Targets;

public static class TargetsApi
{
    public static IServiceCollection AddTargets(this IServiceCollection services) => services.AddSingleton<LiveTargets>();

    public static IEndpointRouteBuilder MapTargetsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/targets", (int? year, string? area, HttpContext http, LiveTargets targets, TimeProvider clock,
                    CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                    {
                        var asked = year ?? clock.GetUtcNow().Year;
                        if (ReportYear.Check(asked, clock) is { } invalid)
                        {
                            return (Outcome<TargetsView>)invalid;
                        }
                        return ReportArea.Within(actor.Scope, area) is { } scope
                            ? await targets.FindAsync(asked, scope, cancellationToken)
                            : ReportArea.Outside;
                    })
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithTags("Targets").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("目标进度 The plan's targets with numerator, denominator, per street and the persons still to reach, within the caller's area (?year=&area=)");
        return endpoints;
    }
}
