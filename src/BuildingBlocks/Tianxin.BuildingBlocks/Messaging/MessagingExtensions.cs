using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Tianxin.BuildingBlocks.Messaging;

public static class MessagingExtensions
{
    public const string ConnectionName = "rabbitmq";

    /// <summary>
    /// MassTransit on RabbitMQ with the transactional outbox (relay + LISTEN/NOTIFY wake-up), idempotent
    /// inbox consumers, retries with back-off and the <c>_error</c> queue. Needs an <see cref="Npgsql.NpgsqlDataSource"/>
    /// whose database holds the messaging migration, and the "rabbitmq" connection string (amqp:// URI).
    /// </summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, string serviceName,
        Action<MessagingBuilder>? configure = null)
    {
        var messaging = new MessagingBuilder(serviceName);
        configure?.Invoke(messaging);

        var services = builder.Services;
        services.AddOptions<MessagingOptions>().Bind(builder.Configuration.GetSection(MessagingOptions.Section));
        services.AddSingleton(new MessagingEndpoints(serviceName, messaging.Queues));

        var brokerUri = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' (amqp://…) is not configured.");
        services.AddMassTransit(bus =>
        {
            // MassTransit would report the bus's shape to its vendor over the internet: a government network has no
            // business calling out, and cannot (a warning in every service's log when it tries).
            bus.ConfigureUsageTelemetryOptions(options => options.Enabled = false);
            bus.SetEndpointNameFormatter(messaging.EndpointNames);
            foreach (var (consumer, queue) in messaging.Consumers)
            {
                var registration = bus.AddConsumer(consumer);
                if (queue is not null)
                {
                    registration.Endpoint(endpoint => endpoint.Name = queue);
                }
            }
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                rabbit.Host(new Uri(brokerUri));
                // Outermost, an outage is waited out for minutes; inside it, any other failure is retried briefly.
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Handle<Exception>(Outages.Is);
                    retry.Exponential(options.OutageRetryLimit, options.RetryMinInterval, options.OutageRetryMaxInterval, options.RetryMinInterval);
                });
                rabbit.UseMessageRetry(retry =>
                {
                    retry.Ignore<Exception>(Outages.Is);
                    retry.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
                });
                rabbit.ConfigureEndpoints(context);
            });
        });
        // The relay starts after the bus, and the bus only once its queues are bound: an event published
        // before its consumers' queues exist would be dropped by the broker.
        services.AddOptions<MassTransitHostOptions>().Configure(host => host.WaitUntilStarted = true);
        services.AddSingleton<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddHostedService<OutboxListener>();
        services.AddHostedService<OutboxRelay>();
        services.AddSingleton<ErrorQueues>();
        services.TryAddTimeProvider();
        return builder;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
