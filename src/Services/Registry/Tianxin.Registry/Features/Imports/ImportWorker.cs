using System.Threading.Channels;
using Npgsql;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Registry.Features.Imports;

public sealed record ClaimedImport(Guid Id, string FileName, byte[] Content, string AreaCode, string CreatedBy, string? CreatedRole);

/// <summary>Wakes the worker when a file is uploaded, so it need not wait for its next poll.</summary>
public sealed class ImportQueue
{
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Wake() => _signal.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _signal.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Polling interval elapsed.
        }
    }
}

/// <summary>
/// Processes uploaded imports one at a time. An import whose worker died (no heartbeat for two minutes) is
/// taken up again from its first row; rows already applied then count as unchanged.
/// </summary>
public sealed class ImportWorker(
    NpgsqlDataSource dataSource, ImportProcessor processor, ImportQueue queue, PersonalDataProtector protector, ILogger<ImportWorker> logger)
    : BackgroundService
{
    public const string ContentPurpose = "import.file";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ClaimAsync(stoppingToken) is { } import)
                {
                    await RunAsync(import, stoppingToken);
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Claiming an import failed; trying again shortly");
            }
            await queue.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
        }
    }

    private async Task RunAsync(ClaimedImport import, CancellationToken stoppingToken)
    {
        try
        {
            await processor.ProcessAsync(import, stoppingToken);
            await FinishAsync(import.Id, "completed", stoppingToken);
            logger.LogInformation("Import {ImportId} completed", import.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file that cannot be read at all (not a spreadsheet, no header) fails as a whole.
            logger.LogWarning(e, "Import {ImportId} failed", import.Id);
            await FinishAsync(import.Id, "failed", stoppingToken);
        }
    }

    private async Task<ClaimedImport?> ClaimAsync(CancellationToken cancellationToken)
    {
        var claimed = await dataSource.Command(
                """
                update imports set status = 'running', heartbeat_at = now(), processed = 0, imported = 0, unchanged = 0, rejected = 0
                where id = (select id from imports
                            where status = 'queued' or (status = 'running' and heartbeat_at < now() - interval '2 minutes')
                            order by created_at limit 1 for update skip locked)
                returning id, file_name, content, area_code, created_by, created_role
                """)
            .ReadFirstOrDefaultAsync(reader => new ClaimedImport(reader.Get<Guid>("id"), reader.Get<string>("file_name"),
                protector.DecryptBytes(reader.Get<byte[]>("content"), ContentPurpose),
                reader.Get<string>("area_code"), reader.Get<string>("created_by"), reader.NullableString("created_role")), cancellationToken);
        if (claimed is not null)
        {
            await dataSource.Command("delete from import_rejections where import_id = $1", claimed.Id).ExecuteAsync(cancellationToken);
        }
        return claimed;
    }

    /// <summary>The file is dropped once processed: only counts and the rejected rows' reasons remain.</summary>
    private Task FinishAsync(Guid id, string status, CancellationToken cancellationToken) =>
        dataSource.Command("update imports set status = $2, finished_at = now(), content = null where id = $1", id, status)
            .ExecuteAsync(cancellationToken);
}
