using System.Net.Http.Json;
using Tianxin.AppHost.Infrastructure;

namespace Tianxin.AppHost;

/// <summary>How every domain service joins the platform, so that each is wired the same way.</summary>
internal sealed class ServiceWiring(
    IDistributedApplicationBuilder builder,
    PlatformInfrastructure infrastructure,
    IResourceBuilder<ProjectResource> gateway,
    IResourceBuilder<ProjectResource> identity,
    string opsKey,
    ReferenceExpression issuer)
{
    private readonly List<IResourceBuilder<ProjectResource>> _listeners = [];
    private int _wired;

    /// <summary>
    /// For a service that consumes others' events: the services wired after this call start once it is healthy, so that
    /// its queues are bound before their first events (demo data) are published; RabbitMQ drops what no queue is bound to.
    /// </summary>
    public void StartAfter(IResourceBuilder<ProjectResource> listener) => _listeners.Add(listener);

    public IResourceBuilder<ProjectResource> Add<TProject>(string name) where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithAnnotation(new DomainServiceAnnotation())
            .WithReference(infrastructure.Database(name))
            .WithReference(infrastructure.RabbitMq)
            .WaitFor(infrastructure.Postgres)
            .WaitFor(infrastructure.RabbitMqServer)
            .WithEnvironment("Tianxin__OpsKey", opsKey)
            .WithEnvironment("Identity__Issuer", issuer)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithHttpHealthCheck("/health", endpointName: "http")
            .WithHttpCommand("/admin/messaging/error-queues/replay", "重放死信 Replay dead letters",
                endpointName: "http",
                commandOptions: new HttpCommandOptions
                {
                    Description = "Move every message in this service's _error queues back to the queue it failed on.",
                    IconName = "ArrowRepeatAll",
                    PrepareRequest = context =>
                    {
                        context.Request.Headers.Add("X-Ops-Key", opsKey);
                        context.Request.Content = JsonContent.Create(new { });
                        return Task.CompletedTask;
                    },
                });

        foreach (var listener in _listeners)
        {
            service.WaitFor(listener);
        }
        gateway.WithReference(service).WithEnvironment($"Gateway__Services__{_wired}", name);
        identity.WithEnvironment($"Identity__Services__{_wired}", name);
        _wired++;
        return service;
    }
}
