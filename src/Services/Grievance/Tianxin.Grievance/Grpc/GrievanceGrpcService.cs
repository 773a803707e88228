using Grpc.Core;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Grievance.V1;

namespace Tianxin.Grievance.Grpc;

public sealed class GrievanceGrpcService(ServiceInfoSource info) : GrievanceService.GrievanceServiceBase
{
    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();
}
