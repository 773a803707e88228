using Tianxin.Testing;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

/// <summary>Its own broker, because this test kills it.</summary>
public sealed class BrokerCrashTests : IAsyncLifetime
{
    private const int Events = 1000;
    private PostgresServer _postgres = null!;
    private RabbitMqServer _rabbitMq = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        _rabbitMq = await RabbitMqServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _rabbitMq.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Killing_the_broker_mid_relay_loses_no_event_and_applies_none_twice()
    {
        // Small relay batches keep the relay busy for a while, so the kill lands in the middle of it.
        await using var service = await MessagingTestService.StartAsync(_postgres, _rabbitMq,
            new Dictionary<string, string?> { ["Messaging:RelayBatchSize"] = "10" });
        await using (var connection = await service.DataSource.OpenConnectionAsync())
        {
            // Ten business transactions of a hundred events each, committed before the relay is woken.
            for (var batch = 0; batch < Events / 100; batch++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                for (var i = 0; i < 100; i++)
                {
                    await service.Outbox.EnqueueAsync(transaction, new ThingHappened(Guid.NewGuid(), batch * 100 + i));
                }
                await transaction.CommitAsync();
            }
        }

        await service.WaitForAsync("select count(*) from outbox_messages where sent_at is not null", 100, TimeSpan.FromSeconds(60));
        await _rabbitMq.KillAsync();
        var unsentWhenKilled = await service.ScalarAsync("select count(*) from outbox_messages where sent_at is null");
        await Task.Delay(TimeSpan.FromSeconds(2));
        await _rabbitMq.StartAgainAsync();

        await service.WaitForAsync("select count(*) from applied_things", Events, TimeSpan.FromSeconds(180));
        await Task.Delay(TimeSpan.FromSeconds(3)); // let any late duplicate arrive before counting

        Assert.True(unsentWhenKilled > 0, "The broker was killed only after the relay had finished");
        Assert.Equal(Events, await service.ScalarAsync("select count(*) from applied_things"));
        Assert.Equal(Events, await service.ScalarAsync("select count(distinct sequence) from applied_things"));
        Assert.Equal(0, await service.ScalarAsync("select count(*) from outbox_messages where sent_at is null"));
    }
}
