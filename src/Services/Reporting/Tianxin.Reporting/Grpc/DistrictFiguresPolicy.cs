using OpenIddict.Abstractions;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Reporting;

namespace Tianxin.Reporting.Grpc;

/// <summary>The district's figures over gRPC: for district officers, and for the city federation, which sees what the district sees.</summary>
public static class DistrictFiguresPolicy
{
    public const string Name = "reporting.district-figures";

    public static IServiceCollection AddDistrictFiguresPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Name, policy => policy.RequireAssertion(context =>
            context.User.HasScope(ReportingScopes.FiguresRead)
            || context.User.HasClaim(PlatformClaims.Role, PlatformRoles.DistrictOfficer)
            || context.User.HasClaim(PlatformClaims.Role, PlatformRoles.DistrictAdmin)));
        return services;
    }

    /// <summary>The city federation reads the whole district; a district officer their own area, which is the district.</summary>
    public static AreaScope ScopeOf(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasScope(ReportingScopes.FiguresRead) ? AreaScope.District : AreaScope.Of(user) ?? AreaScope.District;
}
