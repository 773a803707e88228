using Microsoft.Extensions.Options;
using Tianxin.BuildingBlocks.Hosting;

namespace Tianxin.Grievance.DemoData;

/// <summary>Seeds <see cref="DemoGrievanceData"/> once, in Development, when the options ask for it.</summary>
public sealed class DemoGrievanceSeeder(IHostEnvironment environment, IOptions<DemoDataOptions> options, DemoGrievanceData data,
    ILogger<DemoGrievanceSeeder> logger) : DemoSeeder(environment, logger)
{
    protected override bool Wanted => options.Value.Enabled;

    protected override Task SeedAsync(CancellationToken cancellationToken) => data.SeedAsync(cancellationToken);
}
