using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class OutboxCleanupTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Sent_rows_past_retention_are_deleted_and_unsent_rows_are_kept()
    {
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq);
        var options = service.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        await service.CommitWithEventAsync(new ThingHappened(Guid.NewGuid(), 1));
        await service.WaitForAsync("select count(*) from inbox_messages", 1, TimeSpan.FromSeconds(30));
        await service.WaitForAsync("select count(*) from outbox_messages where sent_at is not null", 1, TimeSpan.FromSeconds(30));
        // An unsent row, as one the broker keeps refusing would be.
        await service.ScalarAsync(
            """
            with unsent as (insert into outbox_messages (id, message_type, payload, next_attempt_at)
                            values (gen_random_uuid(), 'Nowhere.Gone, Nowhere', '{}', now() + interval '1 year') returning 1)
            select count(*) from unsent
            """);

        var beforeRetention = await OutboxCleanup.RunAsync(service.DataSource, options, DateTimeOffset.UtcNow, CancellationToken.None);
        var afterRetention = await OutboxCleanup.RunAsync(service.DataSource, options,
            DateTimeOffset.UtcNow + options.InboxRetention + TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(0, beforeRetention);
        Assert.Equal(2, afterRetention); // the sent outbox row and the inbox row
        Assert.Equal(1, await service.ScalarAsync("select count(*) from outbox_messages where sent_at is null"));
    }
}
