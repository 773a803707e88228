using Tianxin.Testing;

namespace Tianxin.BuildingBlocks.IntegrationTests.Messaging;

/// <summary>One real PostgreSQL and one real RabbitMQ for the messaging tests.</summary>
public sealed class MessagingFixture : IAsyncLifetime
{
    public PostgresServer Postgres { get; private set; } = null!;
    public RabbitMqServer RabbitMq { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartAsync();
        RabbitMq = await RabbitMqServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await RabbitMq.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingFixture>
{
    public const string Name = "messaging";
}
