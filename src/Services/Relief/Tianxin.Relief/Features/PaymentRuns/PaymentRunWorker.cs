using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <summary>Wakes the worker when a run is started or recomputed; the worker also looks every few seconds.</summary>
public sealed class PaymentRunSignal
{
    private readonly SemaphoreSlim _signal = new(0);

    public void Wake()
    {
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Computes runs in the background, so the staff see progress while it works. A run a crash left half
/// computed is still "computing" and is simply picked up again: every batch is idempotent.
/// </summary>
public sealed partial class PaymentRunWorker(NpgsqlDataSource dataSource, PaymentRunComputation computation, PaymentRunSignal signal,
    ILogger<PaymentRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var computing = await dataSource.Command("select id from payment_runs where state = 'computing' order by created_at")
                    .ReadAllAsync(r => r.Get<Guid>("id"), stoppingToken);
                foreach (var run in computing)
                {
                    await computation.ComputeAsync(run, stoppingToken);
                    LogComputed(logger, run);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
            await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment run {RunId} computed")]
    private static partial void LogComputed(ILogger logger, Guid runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Computing payment runs failed; retrying shortly")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
