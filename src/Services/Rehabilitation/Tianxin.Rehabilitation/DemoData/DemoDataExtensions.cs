namespace Tianxin.Rehabilitation.DemoData;

public static class DemoDataExtensions
{
    public static IServiceCollection AddDemoData(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<DemoDataOptions>(configuration.GetSection(DemoDataOptions.Section)).AddSingleton<Demo2019Cases>()
            .AddHostedService<DemoRehabilitationSeeder>();
}
