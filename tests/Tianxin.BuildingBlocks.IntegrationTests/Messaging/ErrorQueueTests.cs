using Microsoft.Extensions.DependencyInjection;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Testing;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class ErrorQueueTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_consumer_that_keeps_failing_sends_the_message_to_its_error_queue_from_where_ops_replay_it()
    {
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq);
        var errorQueues = service.Services.GetRequiredService<ErrorQueues>();
        await SetFragileConsumerFailingAsync(service, true);
        var thing = new FragileThingHappened(Guid.NewGuid());

        await service.CommitWithEventAsync(thing);
        await Wait.UntilAsync(async () => await DeadLettersAsync(errorQueues) == 1, TimeSpan.FromSeconds(30),
            () => "The failing message never reached the _error queue");
        Assert.Equal(0, await service.ScalarAsync("select count(*) from applied_things"));
        Assert.Equal(0, await service.ScalarAsync("select count(*) from inbox_messages"));

        await SetFragileConsumerFailingAsync(service, false);
        var replayed = await errorQueues.ReplayAsync(queue: null, maxMessages: 100, CancellationToken.None);

        Assert.Equal(1, replayed.Sum(r => r.Replayed));
        await service.WaitForAsync($"select count(*) from applied_things where thing_id = '{thing.ThingId}'", 1, TimeSpan.FromSeconds(30));
        Assert.Equal(0, await DeadLettersAsync(errorQueues));
    }

    [Fact]
    public async Task Replaying_a_queue_the_service_does_not_own_is_refused()
    {
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq);
        var errorQueues = service.Services.GetRequiredService<ErrorQueues>();

        await Assert.ThrowsAsync<UnknownQueueException>(() => errorQueues.ReplayAsync("someone-elses-queue", 10, CancellationToken.None));
    }

    private static async Task<long> DeadLettersAsync(ErrorQueues errorQueues) =>
        (await errorQueues.CountAsync(CancellationToken.None)).Sum(q => q.Messages);

    private static async Task SetFragileConsumerFailingAsync(MessagingTestService service, bool failing) =>
        await service.ScalarAsync($"with changed as (update consumer_switches set failing = {failing} where name = 'fragile' returning 1) select count(*) from changed");
}
