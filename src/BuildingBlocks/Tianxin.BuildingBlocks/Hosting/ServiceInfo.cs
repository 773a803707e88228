using System.Reflection;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Hosting;

namespace Tianxin.BuildingBlocks.Hosting;

public sealed record ServiceInfo(string Name, string DisplayName, string Version, string Environment, DateTimeOffset ServerTime)
{
    public Protos.Common.V1.ServiceInfo ToProto() => new()
    {
        Name = Name,
        DisplayName = DisplayName,
        Version = Version,
        Environment = Environment,
        ServerTime = Timestamp.FromDateTimeOffset(ServerTime),
    };
}

/// <summary>Answers "which service and build is this", the same over REST (/info) and gRPC (GetServiceInfo).</summary>
public sealed class ServiceInfoSource(PlatformService service, IHostEnvironment environment, TimeProvider clock)
{
    private static readonly string Version =
        Assembly.GetEntryAssembly()?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public ServiceInfo Describe() => new(service.Name, service.DisplayName, Version, environment.EnvironmentName, clock.GetUtcNow());

    public Task<Protos.Common.V1.ServiceInfo> DescribeForGrpc() => Task.FromResult(Describe().ToProto());
}
