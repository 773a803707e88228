using System.Diagnostics;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class OutboxInboxTests(MessagingFixture fixture)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_event_committed_with_the_business_change_is_applied_exactly_once_even_when_redelivered()
    {
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq);
        var thing = new ThingHappened(Guid.NewGuid(), 1);

        var messageId = await service.CommitWithEventAsync(thing);
        await service.WaitForAsync("select count(*) from applied_things", 1, Delivery);

        // The broker hands the same message over again, as after a lost acknowledgement.
        var bus = service.Services.GetRequiredService<IBus>();
        await bus.Publish(thing, context => context.MessageId = messageId);
        await bus.Publish(new ThingHappened(Guid.NewGuid(), 2));
        await service.WaitForAsync("select count(*) from inbox_messages", 2, Delivery);

        Assert.Equal(1, await service.ScalarAsync($"select count(*) from applied_things where thing_id = '{thing.ThingId}'"));
        Assert.Equal(1, await service.ScalarAsync($"select count(*) from outbox_messages where id = '{messageId}' and sent_at is not null"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq);
        var rolledBack = new ThingHappened(Guid.NewGuid(), 1);

        await using (var connection = await service.DataSource.OpenConnectionAsync())
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            await service.Outbox.EnqueueAsync(transaction, rolledBack);
            await transaction.RollbackAsync();
        }
        // A later committed event overtakes nothing: once it has arrived, the rolled-back one would have too.
        var committed = new ThingHappened(Guid.NewGuid(), 2);
        await service.CommitWithEventAsync(committed);
        await service.WaitForAsync($"select count(*) from applied_things where thing_id = '{committed.ThingId}'", 1, Delivery);

        Assert.Equal(0, await service.ScalarAsync($"select count(*) from applied_things where thing_id = '{rolledBack.ThingId}'"));
        Assert.Equal(1, await service.ScalarAsync("select count(*) from outbox_messages"));
    }

    [Fact]
    public async Task The_consumer_runs_in_the_trace_of_the_request_that_wrote_the_event()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        using var requestSource = new ActivitySource("Tianxin.Tests.Request");
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq);
        var thing = new ThingHappened(Guid.NewGuid(), 1);

        string traceId;
        using (var request = requestSource.StartActivity("POST /things", ActivityKind.Server))
        {
            traceId = request!.TraceId.ToHexString();
            await service.CommitWithEventAsync(thing);
        }
        await service.WaitForAsync("select count(*) from applied_things", 1, Delivery);

        Assert.Equal(1, await service.ScalarAsync($"select count(*) from applied_things where trace_id = '{traceId}'"));
    }
}
