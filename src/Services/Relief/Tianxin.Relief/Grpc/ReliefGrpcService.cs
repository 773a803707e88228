using Grpc.Core;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Relief.V1;

namespace Tianxin.Relief.Grpc;

public sealed class ReliefGrpcService(ServiceInfoSource info) : ReliefService.ReliefServiceBase
{
    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();
}
