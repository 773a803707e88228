using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.PersonalData;

/// <summary>
/// After a new key is made the active one, re-encrypts under it every stored value another key protects, a batch at a
/// time, at start-up and every hour. Values are picked by the key their header names, so the work resumes wherever a
/// restart cut it. Each value is replaced only if it is still the one read: a value a user changed meanwhile is left as
/// they wrote it (already under the active key), and replicas doing the same work cannot undo each other.
/// Once <see cref="ProgressAsync"/> counts no value under an old key, that key can be removed from the configuration.
/// </summary>
public sealed class KeyRotation(NpgsqlDataSource dataSource, PersonalDataProtector protector, IEnumerable<EncryptedColumn> columns,
    ILogger<KeyRotation> logger) : PeriodicJob(logger)
{
    private static readonly ActivitySource Source = new("Tianxin.PersonalData");

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var column in columns)
        {
            Guid? after = null;
            while (await ReEncryptBatchAsync(column, after, column.RowsPerBatch, cancellationToken) is { Read: > 0 } batch)
            {
                total += batch.ReEncrypted;
                after = batch.Last;
            }
        }
        return total;
    }

    /// <summary>
    /// Re-encrypts the first <paramref name="limit"/> values under another key whose row id follows <paramref name="after"/>,
    /// in one conditional update.
    /// </summary>
    public async Task<KeyRotationBatch> ReEncryptBatchAsync(EncryptedColumn column, Guid? after, int limit, CancellationToken cancellationToken)
    {
        var rows = await dataSource.Command(
                $"""
                select id, {column.Column} as value from {column.Table}
                where {column.Column} is not null and {column.KeyIdSql} <> $1 and ($2::uuid is null or id > $2)
                order by id limit $3
                """, protector.ActiveKeyId, after, limit)
            .ReadAllAsync(reader => (Id: reader.Get<Guid>("id"), Value: reader.Get<byte[]>("value")), cancellationToken);
        if (rows.Count == 0)
        {
            return new KeyRotationBatch(0, 0, null);
        }

        using var activity = Source.StartActivity("re-encrypt personal data");
        activity?.SetTag("db.collection.name", column.Table);
        var readable = rows.Select(row => (row.Id, Old: row.Value, New: ReEncrypt(row.Value, column))).Where(row => row.New is not null).ToList();
        if (readable.Count < rows.Count)
        {
            logger.LogWarning("{Count} values of {Table}.{Column} could not be decrypted (their key is not configured, or they were altered); " +
                "they stay as they are", rows.Count - readable.Count, column.Table, column.Column);
        }
        var reEncrypted = await dataSource.Command(
                $"""
                update {column.Table} set {column.Column} = rotated.new
                from unnest($1::uuid[], $2::bytea[], $3::bytea[]) as rotated(id, old, new)
                where {column.Table}.id = rotated.id and {column.Table}.{column.Column} = rotated.old
                """, readable.Select(row => row.Id).ToArray(), readable.Select(row => row.Old).ToArray(), readable.Select(row => row.New!).ToArray())
            .ExecuteAsync(cancellationToken);
        activity?.SetTag("tianxin.re_encrypted", reEncrypted);
        return new KeyRotationBatch(rows.Count, reEncrypted, rows[^1].Id);
    }

    /// <summary>How many stored values each key protects, per column and in all.</summary>
    public async Task<KeyRotationProgress> ProgressAsync(CancellationToken cancellationToken)
    {
        var perColumn = new List<ColumnKeys>();
        foreach (var column in columns)
        {
            var byKey = await dataSource.Command(
                    $"""
                    select {column.KeyIdSql} as key_id, count(*) as n from {column.Table}
                    where {column.Column} is not null group by 1 order by 1
                    """)
                .ReadAllAsync(reader => (KeyId: reader.Get<string>("key_id"), Count: reader.Get<long>("n")), cancellationToken);
            perColumn.Add(new ColumnKeys(column.Table, column.Column, byKey.ToDictionary(k => k.KeyId, k => k.Count)));
        }
        var keys = protector.KeyIds.Union(perColumn.SelectMany(c => c.ValuesByKey.Keys)).Order(StringComparer.Ordinal).Select(id =>
        {
            var values = perColumn.Sum(c => c.ValuesByKey.GetValueOrDefault(id));
            var configured = protector.KeyIds.Contains(id);
            var active = id == protector.ActiveKeyId;
            return new KeyUse(id, configured, active, values, Retirable: configured && !active && values == 0);
        }).ToList();
        return new KeyRotationProgress(protector.ActiveKeyId, keys, perColumn);
    }

    private byte[]? ReEncrypt(byte[] stored, EncryptedColumn column)
    {
        try
        {
            return protector.Encrypt(protector.DecryptBytes(stored, column.Purpose), column.Purpose);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <param name="Read">Values under another key that the batch found.</param>
/// <param name="ReEncrypted">Those now under the active key (fewer when a value's key is missing or a user changed it meanwhile).</param>
/// <param name="Last">The id to continue after.</param>
public sealed record KeyRotationBatch(int Read, int ReEncrypted, Guid? Last);

/// <param name="Keys">Every key configured or named by a stored value; a key not configured has values nobody can read.</param>
public sealed record KeyRotationProgress(string ActiveKeyId, IReadOnlyList<KeyUse> Keys, IReadOnlyList<ColumnKeys> Columns);

/// <param name="Retirable">Configured, not active, protecting no value: it can be removed from the configuration.</param>
public sealed record KeyUse(string KeyId, bool Configured, bool Active, long Values, bool Retirable);

public sealed record ColumnKeys(string Table, string Column, IReadOnlyDictionary<string, long> ValuesByKey);
