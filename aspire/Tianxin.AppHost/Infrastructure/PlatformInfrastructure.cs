using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tianxin.AppHost.Infrastructure;

/// <summary>PostgreSQL (one database per service) and RabbitMQ, whichever way they are provided.</summary>
public sealed class PlatformInfrastructure
{
    private readonly Func<string, IResourceBuilder<IResourceWithConnectionString>> _database;

    private PlatformInfrastructure(IResourceBuilder<IResource> postgres, IResourceBuilder<IResourceWithConnectionString> rabbitMq,
        IResourceBuilder<IResource> rabbitMqServer, Func<string, IResourceBuilder<IResourceWithConnectionString>> database)
    {
        Postgres = postgres;
        RabbitMq = rabbitMq;
        RabbitMqServer = rabbitMqServer;
        _database = database;
    }

    /// <summary>The PostgreSQL server, for WaitFor.</summary>
    public IResourceBuilder<IResource> Postgres { get; }
    /// <summary>The "rabbitmq" connection string (amqp:// URI).</summary>
    public IResourceBuilder<IResourceWithConnectionString> RabbitMq { get; }
    /// <summary>The RabbitMQ server, for WaitFor.</summary>
    public IResourceBuilder<IResource> RabbitMqServer { get; }

    /// <summary>The "&lt;service&gt;-db" connection string of the service's own database.</summary>
    public IResourceBuilder<IResourceWithConnectionString> Database(string service) => _database(service);

    public static PlatformInfrastructure Add(IDistributedApplicationBuilder builder, InfrastructureMode mode, DataStorage storage) => mode switch
    {
        InfrastructureMode.Containers => AddContainers(builder, storage),
        InfrastructureMode.Executables => AddExecutables(builder, storage),
        InfrastructureMode.External => AddExternal(builder),
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    private static PlatformInfrastructure AddContainers(IDistributedApplicationBuilder builder, DataStorage storage)
    {
        var postgres = builder.AddPostgres("postgres");
        var rabbitMq = builder.AddRabbitMQ("rabbitmq");
        if (storage.Persistent)
        {
            postgres.WithDataVolume("tianxin-postgres");
            rabbitMq.WithDataVolume("tianxin-rabbitmq");
        }
        var databases = new Dictionary<string, IResourceBuilder<IResourceWithConnectionString>>();
        return new PlatformInfrastructure(postgres, rabbitMq, rabbitMq,
            service => databases.TryGetValue(service, out var existing)
                ? existing
                : databases[service] = postgres.AddDatabase(service + "-db", service));
    }

    private static PlatformInfrastructure AddExecutables(IDistributedApplicationBuilder builder, DataStorage storage)
    {
        var scripts = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "infra"));

        var postgres = builder.AddExecutable("postgres", "bash", scripts, "postgres.sh")
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PGPORT");
        var postgresEndpoint = postgres.GetEndpoint("tcp");
        AddReadinessCheck(builder, postgres, new PostgresReadyCheck(postgresEndpoint));

        var rabbitMq = builder.AddExecutable("rabbitmq-server", "bash", scripts, "rabbitmq.sh")
            .WithEndpoint(name: "amqp", scheme: "tcp", env: "RABBITMQ_NODE_PORT")
            .WithEndpoint(name: "erlang-distribution", scheme: "tcp", env: "RABBITMQ_DIST_PORT")
            .WithEndpoint(name: "epmd", scheme: "tcp", env: "ERL_EPMD_PORT");
        var amqp = rabbitMq.GetEndpoint("amqp");
        AddReadinessCheck(builder, rabbitMq, new AmqpReadyCheck(amqp));

        if (storage.Persistent)
        {
            postgres.WithEnvironment("TIANXIN_PGDATA", storage.PathOf("postgres"));
            // A stable node name: RabbitMQ keeps its data per node name.
            rabbitMq.WithEnvironment("TIANXIN_RABBITDATA", storage.PathOf("rabbitmq"))
                .WithEnvironment("RABBITMQ_NODENAME", "tianxin@localhost");
        }

        var port = postgresEndpoint.Property(EndpointProperty.Port);
        var broker = builder.AddConnectionString("rabbitmq",
            ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqp.Property(EndpointProperty.Port)}/"));
        return new PlatformInfrastructure(postgres, broker, rabbitMq,
            service => builder.AddConnectionString(service + "-db",
                ReferenceExpression.Create($"Host=127.0.0.1;Port={port};Username=postgres;Database={service}")));
    }

    private static PlatformInfrastructure AddExternal(IDistributedApplicationBuilder builder)
    {
        var server = builder.AddConnectionString("postgres");
        var broker = builder.AddConnectionString("rabbitmq");
        return new PlatformInfrastructure(server, broker, broker,
            service => builder.AddConnectionString(service + "-db",
                ReferenceExpression.Create($"{server.Resource};Database={service}")));
    }

    private static void AddReadinessCheck<T>(IDistributedApplicationBuilder builder, IResourceBuilder<T> resource, IHealthCheck check)
        where T : IResource
    {
        var name = resource.Resource.Name + "-ready";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(name, check, HealthStatus.Unhealthy, tags: null));
        resource.WithHealthCheck(name);
    }
}
