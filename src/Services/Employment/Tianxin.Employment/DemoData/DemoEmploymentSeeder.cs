using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Payments;

namespace Tianxin.Employment.DemoData;

/// <summary>
/// The 2019 report's year for the registry's demo persons, then the current year's programmes (the last step,
/// which tells that the demo is in). Everything goes through the handlers the API uses. Runs once.
/// </summary>
public sealed class DemoEmploymentSeeder(
    IHostEnvironment environment, IOptions<DemoDataOptions> options, NpgsqlDataSource dataSource, EligibilityCopy eligibility,
    CreatePaymentProgramme createProgramme, Demo2019Year year2019, TimeProvider clock, ILogger<DemoEmploymentSeeder> logger)
    : DemoSeeder(environment, logger)
{
    public const string Actor = "demo-data";

    protected override bool Wanted => options.Value.Enabled;

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        // The fairs are the 2019 year's last step: a seed that stopped before them runs again, its earlier steps refused as duplicates.
        if (!await dataSource.Command("select exists (select 1 from job_fairs where created_by = $1)", Actor).ScalarAsync<bool>(cancellationToken))
        {
            foreach (var demo in DemoEmploymentProgrammes.For(2019))
            {
                await createProgramme.HandleAsync(demo.Programme, Actor, cancellationToken);
            }
            await eligibility.SettledActivePersonsAsync(TimeSpan.FromSeconds(15), cancellationToken);
            await year2019.SeedAsync(cancellationToken);
        }
        foreach (var demo in DemoEmploymentProgrammes.For(clock.TodayInChina().Year))
        {
            await createProgramme.HandleAsync(demo.Programme, Actor, cancellationToken); // a programme seeded before stays as it is
        }
    }
}
