using System.Threading.Channels;
using Npgsql;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Registry.Features.Imports;

/// <param name="Claim">This worker's claim: a step of an import claimed again since is refused (<see cref="ImportTakenOverException"/>).</param>
public sealed record ClaimedImport(Guid Id, int Claim, string FileName, byte[] Content, string AreaCode, string CreatedBy, string? CreatedRole);

/// <summary>Another worker claimed the import since this one did (this one stalled): this one stops.</summary>
public sealed class ImportTakenOverException(Guid importId) : Exception($"Import {importId} was claimed by another worker.");

/// <summary>The file is refused as a whole, with the reason its uploader reads.</summary>
public sealed class ImportRefusedException(string reason) : Exception(reason);

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
/// Processes uploaded imports one at a time. An import whose worker died or stalled (no heartbeat for two minutes)
/// is taken up again from its first row, rows already applied then counting as unchanged; the stalled worker, should
/// it wake, finds its claim gone at its next step and stops.
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
            await FinishAsync(import, "completed", null, stoppingToken);
            logger.LogInformation("Import {ImportId} completed", import.Id);
        }
        catch (ImportTakenOverException)
        {
            logger.LogWarning("Import {ImportId} was taken up by another worker while this one stalled; this one stops", import.Id);
        }
        catch (ImportRefusedException e)
        {
            logger.LogInformation("Import {ImportId} refused: {Reason}", import.Id, e.Message);
            await FinishAsync(import, "failed", e.Message, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file that cannot be read at all (not a spreadsheet, no header) fails as a whole.
            logger.LogWarning(e, "Import {ImportId} failed", import.Id);
            await FinishAsync(import, "failed", "文件无法读取，请使用模板的 .xlsx 或 .csv / The file cannot be read: use the template's .xlsx or .csv.",
                stoppingToken);
        }
    }

    private async Task<ClaimedImport?> ClaimAsync(CancellationToken cancellationToken)
    {
        var claimed = await dataSource.Command(
                """
                update imports set status = 'running', heartbeat_at = now(), processed = 0, imported = 0, unchanged = 0, rejected = 0,
                                   claim = claim + 1
                where id = (select id from imports
                            where status = 'queued' or (status = 'running' and heartbeat_at < now() - interval '2 minutes')
                            order by created_at limit 1 for update skip locked)
                returning id, claim, file_name, content, area_code, created_by, created_role
                """)
            .ReadFirstOrDefaultAsync(reader => new ClaimedImport(reader.Get<Guid>("id"), reader.Get<int>("claim"), reader.Get<string>("file_name"),
                protector.DecryptBytes(reader.Get<byte[]>("content"), ContentPurpose),
                reader.Get<string>("area_code"), reader.Get<string>("created_by"), reader.NullableString("created_role")), cancellationToken);
        if (claimed is not null)
        {
            await dataSource.Command("delete from import_rejections where import_id = $1", claimed.Id).ExecuteAsync(cancellationToken);
        }
        return claimed;
    }

    /// <summary>The file is dropped once processed: only counts and the rejected rows' reasons remain.</summary>
    private Task FinishAsync(ClaimedImport import, string status, string? failure, CancellationToken cancellationToken) =>
        dataSource.Command("update imports set status = $3, failure = $4, finished_at = now(), content = null where id = $1 and claim = $2",
                import.Id, import.Claim, status, failure)
            .ExecuteAsync(cancellationToken);
}
