using Grpc.Core;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Rehabilitation.V1;

namespace Tianxin.Rehabilitation.Features.ServiceInfo;

public sealed class RehabilitationGrpcService(ServiceInfoSource info) : RehabilitationService.RehabilitationServiceBase
{
    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();
}
