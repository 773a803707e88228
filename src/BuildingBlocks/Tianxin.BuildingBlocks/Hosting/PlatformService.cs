namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>Who a service is, declared by the service itself: its short name (routes, queues, database) and its name for people.</summary>
/// <param name="Name">"registry": gateway prefix /api/registry, gRPC package tianxin.registry.v1, database "registry", staff scope "registry".</param>
/// <param name="DisplayName">zh-CN first, e.g. "残疾人基础信息 Registry".</param>
public sealed record PlatformService(string Name, string DisplayName)
{
    public string DatabaseConnectionName => Name + "-db";
    public string GatewayPrefix => "/api/" + Name;

    /// <summary>The prefix of the service's own migration scripts, embedded in its assembly from Data/Migrations.</summary>
    public string MigrationPrefix => Name + ".";
}
