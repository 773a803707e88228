using MassTransit;

namespace Tianxin.BuildingBlocks.Messaging;

/// <summary>What a service consumes; each consumer gets its own queue named "&lt;service&gt;-&lt;consumer&gt;".</summary>
public sealed class MessagingBuilder
{
    private readonly List<(Type Consumer, string? Queue)> _consumers = [];
    private readonly List<string> _queues = [];

    internal MessagingBuilder(string serviceName)
    {
        ServiceName = serviceName;
        // Prefixing queues by service keeps two services' consumers of the same event on separate queues.
        EndpointNames = new KebabCaseEndpointNameFormatter(char.ToUpperInvariant(serviceName[0]) + serviceName[1..], false);
    }

    public string ServiceName { get; }
    internal IEndpointNameFormatter EndpointNames { get; }
    internal IReadOnlyList<(Type Consumer, string? Queue)> Consumers => _consumers;
    internal IReadOnlyList<string> Queues => _queues;

    public MessagingBuilder AddConsumer<TConsumer>() where TConsumer : class, IConsumer
    {
        _consumers.Add((typeof(TConsumer), null));
        _queues.Add(EndpointNames.Consumer<TConsumer>());
        return this;
    }

    /// <summary>
    /// Consumers that share one queue "&lt;service&gt;-&lt;queue&gt;", e.g. one generic consumer closed over many event
    /// types, where a queue per type would only multiply what ops watch.
    /// </summary>
    public MessagingBuilder AddConsumers(IEnumerable<Type> consumers, string queue)
    {
        var name = $"{ServiceName}-{queue}";
        _consumers.AddRange(consumers.Select(consumer => (consumer, (string?)name)));
        _queues.Add(name);
        return this;
    }
}

/// <summary>The receive queues of this service, for ops tooling (error-queue counts and replay).</summary>
public sealed record MessagingEndpoints(string ServiceName, IReadOnlyList<string> Queues)
{
    public static string ErrorQueueOf(string queue) => queue + "_error";
}
