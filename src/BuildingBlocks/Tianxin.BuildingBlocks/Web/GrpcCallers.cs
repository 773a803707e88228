using Grpc.Core;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>Who is calling a gRPC method, from the validated token of the call.</summary>
public static class GrpcCallers
{
    /// <summary>The partner agency's client id; a token without one is refused with PERMISSION_DENIED.</summary>
    public static string PartnerOf(ServerCallContext context) =>
        context.GetHttpContext().User.FindFirst(PlatformClaims.ClientId)?.Value
        ?? throw GrpcErrors.Status(StatusCode.PermissionDenied, "需要合作机构的令牌 / A partner agency's token is needed");

    /// <summary>A staff member within their area; a token without one is refused with PERMISSION_DENIED.</summary>
    public static Actor ActorOf(ServerCallContext context) =>
        Actor.Of(context.GetHttpContext().User, context.GetHttpContext())
        ?? throw GrpcErrors.Status(StatusCode.PermissionDenied, "需要带有辖区的工作人员令牌 / A staff token with an area is needed");
}
