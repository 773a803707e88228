using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.Reconciliation;

public static class ReconciliationApi
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddHttpClient(ServiceFigures.Client).ForwardCallerToken();
        services.AddSingleton<ServiceFigures>();
        foreach (var paying in ReportLedgerSums.PayingServices)
        {
            services.AddSingleton<IReconciledService>(provider =>
                new LedgerReconciliation(paying, provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ServiceFigures>()));
        }
        return services.AddSingleton<IReconciledService, RehabilitationReconciliation>().AddSingleton<IReconciledService, GrievanceReconciliation>()
            .AddSingleton<Reconcile>();
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
            .WithTags("Reconciliation").RequireAuthorization(DistrictFiguresPolicy.Totals)
            .WithSummary("对账 The report's figures per programme against each service's own: paying services' ledgers, rehabilitation's programme figures, grievance's records (?year=); every difference with both numbers");
        return endpoints;
    }
}
