using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>
/// Holds one connection in LISTEN on the outbox channel and wakes the relay on every commit that wrote
/// outbox rows, so events leave within milliseconds without hard polling.
/// </summary>
internal sealed partial class OutboxListener(NpgsqlDataSource dataSource, OutboxSignal signal, ILogger<OutboxListener> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Set();
                await using (var listen = new NpgsqlCommand("listen outbox_messages", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Rows written while we were not listening are found by this first look.
                signal.Set();
                try
                {
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
                finally
                {
                    // Pooled connections are not reset on reuse: leave none listening.
                    if (connection.State == System.Data.ConnectionState.Open)
                    {
                        await using var unlisten = new NpgsqlCommand("unlisten *", connection);
                        await unlisten.ExecuteNonQueryAsync(CancellationToken.None);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogListenFailed(logger, e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(LogLevel.Warning, "Outbox LISTEN connection lost; reconnecting (the relay keeps polling meanwhile)")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);
}
