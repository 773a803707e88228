using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

[Collection(MessagingCollection.Name)]
public sealed class OutboxDeadLetterTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_row_this_service_cannot_read_goes_to_the_dead_letters_after_its_tries_and_an_operator_moves_it_back()
    {
        await using var service = await MessagingTestService.StartAsync(fixture.Postgres, fixture.RabbitMq, new Dictionary<string, string?>
        {
            ["Messaging:RelayUnreadableAttempts"] = "3",
            ["Messaging:RelayPollInterval"] = "00:00:00.200",
            ["Messaging:RelayMaxBackoff"] = "00:00:01",
        });
        var thing = new ThingHappened(Guid.NewGuid(), 7);
        var id = Guid.NewGuid();
        // A row written by a newer version of the service, whose message type this one does not know.
        await service.ScalarAsync(
            $$"""
            with written as (insert into outbox_messages (id, message_type, payload)
                             values ('{{id}}', 'Tianxin.Contracts.ThingRenamed, Tianxin.Contracts', '{"thingId":"{{thing.ThingId}}","sequence":7}')
                             returning 1)
            select count(*) from written
            """);

        await service.WaitForAsync($"select count(*) from outbox_dead_letters where id = '{id}'", 1, TimeSpan.FromSeconds(30));
        var status = (await MessagingAdminApi.GetOutboxStatus(service.DataSource, CancellationToken.None)).Value!;
        var listed = (await MessagingAdminApi.ListOutboxDeadLetters(service.DataSource, CancellationToken.None)).Value!;
        // The code that reads the row runs now: here, the row names a type this service knows.
        var known = $"{typeof(ThingHappened).FullName}, {typeof(ThingHappened).Assembly.GetName().Name}";
        await service.ScalarAsync(
            $"with renamed as (update outbox_dead_letters set message_type = '{known}' where id = '{id}' returning 1) select count(*) from renamed");
        var replayed = (await MessagingAdminApi.ReplayOutboxDeadLetters(new OutboxReplayRequest([id]), service.DataSource, CancellationToken.None))
            .Value!;
        await service.WaitForAsync($"select count(*) from applied_things where thing_id = '{thing.ThingId}'", 1, TimeSpan.FromSeconds(30));

        Assert.Equal((0L, 1L), (status.Pending, status.DeadLettered));
        var dead = Assert.Single(listed);
        Assert.Equal((id, 3), (dead.Id, dead.Attempts));
        Assert.Contains("cannot be loaded", dead.LastError, StringComparison.Ordinal);
        Assert.Equal(1, replayed.Replayed);
        Assert.Equal(0, await service.ScalarAsync("select count(*) from outbox_dead_letters"));
        Assert.Equal(1, await service.ScalarAsync($"select count(*) from applied_things where thing_id = '{thing.ThingId}'"));
    }
}
