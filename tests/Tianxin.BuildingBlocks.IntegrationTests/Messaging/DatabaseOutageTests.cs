using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.Testing;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

/// <summary>Its own PostgreSQL, because this test stops it; the collection's broker.</summary>
[Collection(MessagingCollection.Name)]
public sealed class DatabaseOutageTests(MessagingFixture fixture) : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartAsync(restartable: true);

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    [Fact]
    public async Task An_event_arriving_while_the_consumers_database_is_down_waits_and_is_applied_once_when_it_is_back()
    {
        await using var service = await MessagingTestService.StartAsync(_postgres, fixture.RabbitMq, new Dictionary<string, string?>
        {
            ["Messaging:OutageRetryLimit"] = "40",
            ["Messaging:OutageRetryMaxInterval"] = "00:00:01",
        });
        var errorQueues = service.Services.GetRequiredService<ErrorQueues>();
        var thing = new ThingHappened(Guid.NewGuid(), 1);

        await _postgres.StopAsync();
        // As another service's relay would publish it, while this service's database is away.
        await service.Services.GetRequiredService<IBus>().Publish(thing);
        // Far longer than the brief retries of any other failure (two, of 50 to 200 ms, in this service).
        await Task.Delay(TimeSpan.FromSeconds(8));
        var deadLetteredDuringOutage = (await errorQueues.CountAsync(CancellationToken.None)).Sum(q => q.Messages);
        await _postgres.StartAgainAsync();
        await Wait.UntilAsync(async () => await AppliedAsync(service, thing) == 1, TimeSpan.FromSeconds(60),
            () => "The event was not applied once the database was back");

        Assert.Equal(0, deadLetteredDuringOutage);
        Assert.Equal(1, await AppliedAsync(service, thing));
        Assert.Equal(0, (await errorQueues.CountAsync(CancellationToken.None)).Sum(q => q.Messages));
    }

    /// <summary>On a connection of its own: the service's pool still holds connections from before the restart.</summary>
    private static async Task<long> AppliedAsync(MessagingTestService service, ThingHappened thing)
    {
        await using var connection = new NpgsqlConnection(service.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("select count(*) from applied_things where thing_id = $1", connection);
        count.Parameters.AddWithValue(thing.ThingId);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
