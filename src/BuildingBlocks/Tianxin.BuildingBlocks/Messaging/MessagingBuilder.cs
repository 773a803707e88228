using MassTransit;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>What a service consumes; each consumer gets its own queue named "&lt;service&gt;-&lt;consumer&gt;".</summary>
public sealed class MessagingBuilder
{
    private readonly List<Type> _consumers = [];
    private readonly List<string> _queues = [];

    internal MessagingBuilder(string serviceName)
    {
        ServiceName = serviceName;
        // Prefixing queues by service keeps two services' consumers of the same event on separate queues.
        EndpointNames = new KebabCaseEndpointNameFormatter(char.ToUpperInvariant(serviceName[0]) + serviceName[1..], false);
    }

    public string ServiceName { get; }
    internal IEndpointNameFormatter EndpointNames { get; }
    internal IReadOnlyList<Type> Consumers => _consumers;
    internal IReadOnlyList<string> Queues => _queues;

    public MessagingBuilder AddConsumer<TConsumer>() where TConsumer : class, IConsumer
    {
        _consumers.Add(typeof(TConsumer));
        _queues.Add(EndpointNames.Consumer<TConsumer>());
        return this;
    }
}

/// <summary>The receive queues of this service, for ops tooling (error-queue counts and replay).</summary>
public sealed record MessagingEndpoints(string ServiceName, IReadOnlyList<string> Queues)
{
    public static string ErrorQueueOf(string queue) => queue + "_error";
}
