using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>
/// Development-only demo data, seeded once in the background through the service's own use cases. A
/// failed seed is logged, never fatal: the service runs without it and the next start resumes.
/// </summary>
public abstract class DemoSeeder(IHostEnvironment environment, ILogger logger) : BackgroundService
{
    /// <summary>False when the service's DemoData options ask for none.</summary>
    protected abstract bool Wanted { get; }

    protected abstract Task SeedAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || !Wanted)
        {
            return;
        }
        try
        {
            await SeedAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{Seeder} failed; it resumes at the next start", GetType().Name);
        }
    }
}
