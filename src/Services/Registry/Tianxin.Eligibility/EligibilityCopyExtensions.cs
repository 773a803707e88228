using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.Eligibility;

public static class EligibilityCopyExtensions
{
    /// <summary>The copy's table (migrated before the service's own scripts) and its reader; add <see cref="EligibilityCopyConsumer"/> to messaging.</summary>
    public static IServiceCollection AddEligibilityCopy(this IServiceCollection services) =>
        services.AddSingleton(EligibilityCopy.Migrations).AddSingleton<EligibilityCopy>();
}
