using Microsoft.AspNetCore.Http.HttpResults;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.Reconciliation;

public static class ReconciliationApi
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddHttpClient(ServiceLedgers.Client).ForwardCallerToken();
        return services.AddSingleton<ServiceLedgers>().AddSingleton<Reconcile>();
    }

    public static IEndpointRouteBuilder MapReconciliationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/reconciliation", async Task<Results<Ok<ReconciliationView>, ValidationProblem>> (int? year, Reconcile reconcile,
                    TimeProvider clock, CancellationToken cancellationToken) =>
                {
                    var asked = year ?? clock.GetUtcNow().Year;
                    return ReportYear.Check(asked, clock) is { } invalid
                        ? TypedResults.ValidationProblem(invalid.Errors, title: invalid.Title)
                        : TypedResults.Ok(await reconcile.HandleAsync(asked, cancellationToken));
                })
            .WithTags("Reconciliation").RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("对账 The report's people and money per programme against each paying service's ledger (?year=), every difference with both numbers");
        return endpoints;
    }
}
