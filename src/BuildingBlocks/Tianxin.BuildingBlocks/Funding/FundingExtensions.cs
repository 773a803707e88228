using Microsoft.Extensions.DependencyInjection;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.Funding;

public static class FundingExtensions
{
    /// <summary>The budget_lines and payments tables in this service's database, migrated before its own scripts.</summary>
    public static IServiceCollection AddFunding(this IServiceCollection services) => services.AddSingleton(MigrationScripts.Funding);
}
