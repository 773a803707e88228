namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>Who a service is: its short name (routes, queues, database) and its name for people.</summary>
/// <param name="Name">"registry": gateway prefix /api/registry, gRPC package tianxin.registry.v1, database "registry".</param>
/// <param name="DisplayName">zh-CN first, e.g. "残疾人基础信息 Registry".</param>
public sealed record PlatformService(string Name, string DisplayName)
{
    /// <summary>The domain services: gateway routes, databases, staff scopes and token audiences all follow this list.</summary>
    public static IReadOnlyList<string> DomainServiceNames { get; } = ["registry", "rehabilitation", "employment", "relief", "grievance"];

    public string DatabaseConnectionName => Name + "-db";
    public string GatewayPrefix => "/api/" + Name;
}
