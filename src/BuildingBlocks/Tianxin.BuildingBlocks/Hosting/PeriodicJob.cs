using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>
/// Work that runs at start-up and then every <see cref="Interval"/>; a failed run is logged and the next
/// tick tries again. The work must be safe to run on several replicas at once (claim rows with SKIP LOCKED).
/// </summary>
public abstract class PeriodicJob(ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <returns>How many things the run handled, for the log; 0 logs nothing.</returns>
    protected abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) is > 0 and var handled)
                {
                    logger.LogInformation("{Job} handled {Count}", GetType().Name, handled);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "{Job} failed; trying again at the next tick", GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
