using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks.IntegrationTests.Messaging;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.BuildingBlocks.IntegrationTests.PersonalData;

/// <summary>A new encryption key against a real PostgreSQL: every stored value moves to it, and the old key can go.</summary>
[Collection(MessagingCollection.Name)]
public sealed class KeyRotationTests(MessagingFixture fixture)
{
    private const string Purpose = "person.id_number";
    private static readonly EncryptedColumn Secrets = new("people", "secret", Purpose);
    private static readonly string Key2024 = NewKey(), Key2025 = NewKey(), Key2026 = NewKey(), IndexKey = NewKey();

    private static readonly PersonalDataProtector Before = Protector("2025", ("2025", Key2025));
    private static readonly PersonalDataProtector During = Protector("2026", ("2025", Key2025), ("2026", Key2026));
    private static readonly PersonalDataProtector Retired = Protector("2026", ("2026", Key2026));

    [Fact]
    public async Task Every_value_moves_to_the_new_key_across_a_restart_and_the_old_key_can_then_be_retired()
    {
        await using var dataSource = await NewDatabaseAsync();
        var written = await InsertAsync(dataSource, Before, 1_200);
        await dataSource.Command("insert into people (id) values ($1)", Guid.CreateVersion7()).ExecuteAsync(CancellationToken.None);
        var anyRow = written.Keys.First();
        Assert.ThrowsAny<CryptographicException>(() => Retired.Decrypt(written[anyRow].Stored, Purpose)); // the old key is needed yet

        var cut = await Rotation(dataSource, During).ReEncryptBatchAsync(Secrets, after: null, limit: 500, CancellationToken.None);
        var halfway = await Rotation(dataSource, During).ProgressAsync(CancellationToken.None);
        await RunUntilDoneAsync(Rotation(dataSource, During)); // as a restarted service would: from the start, at start-up
        var done = await Rotation(dataSource, During).ProgressAsync(CancellationToken.None);

        Assert.Equal((500, 500), (cut.Read, cut.ReEncrypted));
        Assert.Equal(new Dictionary<string, long> { ["2025"] = 700, ["2026"] = 500 }, halfway.Columns.Single().ValuesByKey);
        Assert.False(halfway.Keys.Single(k => k.KeyId == "2025").Retirable);
        Assert.Equal(new Dictionary<string, long> { ["2026"] = 1_200 }, done.Columns.Single().ValuesByKey);
        Assert.Equal(new KeyUse("2025", Configured: true, Active: false, Values: 0, Retirable: true), done.Keys.Single(k => k.KeyId == "2025"));
        var stored = await ReadAsync(dataSource);
        Assert.All(written, row => Assert.Equal(row.Value.Plain, Retired.Decrypt(stored[row.Key], Purpose)));
    }

    [Fact]
    public async Task A_value_a_user_changes_while_it_is_re_encrypted_stays_as_the_user_wrote_it()
    {
        await using var dataSource = await NewDatabaseAsync();
        var written = await InsertAsync(dataSource, Before, 20);
        var changed = written.Keys.ElementAt(7);
        await using var user = await dataSource.OpenConnectionAsync();
        await using var edit = await user.BeginTransactionAsync();
        await edit.Command("update people set secret = $2 where id = $1", changed, During.Encrypt("430103196810040000", Purpose))
            .ExecuteAsync(CancellationToken.None);

        var rotating = Rotation(dataSource, During).ReEncryptBatchAsync(Secrets, after: null, limit: 500, CancellationToken.None);
        await WaitUntilBlockedOnARowLockAsync(dataSource);
        await edit.CommitAsync();
        var batch = await rotating;

        Assert.Equal((20, 19), (batch.Read, batch.ReEncrypted));
        var stored = await ReadAsync(dataSource);
        Assert.Equal("430103196810040000", Retired.Decrypt(stored[changed], Purpose));
        Assert.All(written.Where(row => row.Key != changed), row => Assert.Equal(row.Value.Plain, Retired.Decrypt(stored[row.Key], Purpose)));
    }

    [Fact]
    public async Task Values_under_a_key_no_longer_configured_or_under_none_are_left_alone_and_named_so_nobody_retires_blindly()
    {
        await using var dataSource = await NewDatabaseAsync();
        var lost = await InsertAsync(dataSource, Protector("2024", ("2024", Key2024)), 1);
        await InsertAsync(dataSource, Before, 30);
        var garbled = Guid.NewGuid();
        await dataSource.Command("insert into people (id, secret) values ($1, '\\x01'::bytea), ($2, '\\xff00ff'::bytea)", garbled, Guid.NewGuid())
            .ExecuteAsync(CancellationToken.None);

        await RunUntilDoneAsync(Rotation(dataSource, During));
        var progress = await Rotation(dataSource, During).ProgressAsync(CancellationToken.None);

        Assert.Equal(new KeyUse("2024", Configured: false, Active: false, Values: 1, Retirable: false), progress.Keys.Single(k => k.KeyId == "2024"));
        Assert.Equal(new KeyUse("(no key named)", Configured: false, Active: false, Values: 2, Retirable: false),
            progress.Keys.Single(k => k.KeyId == "(no key named)"));
        Assert.True(progress.Keys.Single(k => k.KeyId == "2025").Retirable);
        Assert.Equal(lost.Single().Value.Stored, (await ReadAsync(dataSource))[lost.Single().Key]);
        Assert.Equal([0x01], (await ReadAsync(dataSource))[garbled]);
    }

    private static async Task RunUntilDoneAsync(KeyRotation rotation)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await rotation.StartAsync(timeout.Token);
        try
        {
            while ((await rotation.ProgressAsync(timeout.Token)).Keys.Any(k => k is { Configured: true, Active: false, Values: > 0 }))
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        finally
        {
            await rotation.StopAsync(CancellationToken.None);
        }
    }

    private static async Task WaitUntilBlockedOnARowLockAsync(NpgsqlDataSource dataSource)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await dataSource.Command(
                   "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")
                   .ScalarAsync<long>(timeout.Token) == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private static async Task<Dictionary<Guid, (string Plain, byte[] Stored)>> InsertAsync(NpgsqlDataSource dataSource,
        PersonalDataProtector protector, int count)
    {
        var rows = Enumerable.Range(0, count).ToDictionary(_ => Guid.NewGuid(), i =>
        {
            var plain = $"43010319681004{Random.Shared.Next(10_000):0000}";
            return (Plain: plain, Stored: protector.Encrypt(plain, Purpose));
        });
        await dataSource.Command("insert into people (id, secret) select * from unnest($1::uuid[], $2::bytea[])",
            rows.Keys.ToArray(), rows.Values.Select(row => row.Stored).ToArray()).ExecuteAsync(CancellationToken.None);
        return rows;
    }

    private static async Task<Dictionary<Guid, byte[]>> ReadAsync(NpgsqlDataSource dataSource) =>
        (await dataSource.Command("select id, secret from people where secret is not null")
            .ReadAllAsync(reader => (reader.Get<Guid>("id"), reader.Get<byte[]>("secret")), CancellationToken.None))
        .ToDictionary(row => row.Item1, row => row.Item2);

    private async Task<NpgsqlDataSource> NewDatabaseAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await fixture.Postgres.CreateDatabaseAsync("keys"));
        await dataSource.Command("create table people (id uuid primary key, secret bytea null)").ExecuteAsync(CancellationToken.None);
        return dataSource;
    }

    private static KeyRotation Rotation(NpgsqlDataSource dataSource, PersonalDataProtector protector) =>
        new(dataSource, protector, [Secrets], NullLogger<KeyRotation>.Instance);

    private static PersonalDataProtector Protector(string active, params (string Id, string Key)[] keys) =>
        new(Options.Create(new PersonalDataOptions
        {
            ActiveKeyId = active, EncryptionKeys = keys.ToDictionary(k => k.Id, k => k.Key), BlindIndexKey = IndexKey,
        }));

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
