using Grpc.Core;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Employment.V1;

namespace Tianxin.Employment.Grpc;

public sealed class EmploymentGrpcService(ServiceInfoSource info) : EmploymentService.EmploymentServiceBase
{
    public override Task<Protos.Common.V1.ServiceInfo> GetServiceInfo(GetServiceInfoRequest request, ServerCallContext context) =>
        info.DescribeForGrpc();
}
