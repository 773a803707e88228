using Grpc.Core;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Registry.V1;

namespace Tianxin.Registry.Features.ServiceInfo;

public sealed class RegistryGrpcService(ServiceInfoSource info) : RegistryService.RegistryServiceBase
{
    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();
}
