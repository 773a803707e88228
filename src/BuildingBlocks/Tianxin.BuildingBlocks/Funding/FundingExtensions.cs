using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.Funding;

public static class FundingExtensions
{
    /// <summary>The budget_lines and payments tables in this service's database, migrated before its own scripts.</summary>
    public static IServiceCollection AddFunding(this IServiceCollection services) => services.AddSingleton(MigrationScripts.Funding);

    /// <summary>The ledger's figures over gRPC, for the reporting service's reconciliation.</summary>
    public static IEndpointRouteBuilder MapFunding(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<LedgerGrpcService>();
        return endpoints;
    }
}
