namespace Tianxin.Registry.Features.DemoData;

public static class DemoDataExtensions
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<DemoDataOptions>(configuration.GetSection("Registry:DemoData")).AddHostedService<DemoDataSeeder>();
}
