using System.Security.Claims;
using OpenIddict.Abstractions;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Reporting;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>Who reads the district's figures: its officers, and the city federation, which sees what the district sees.</summary>
public static class DistrictFiguresPolicy
{
    /// <summary>Figures within the caller's area (<see cref="ScopeOf"/>): the targets.</summary>
    public const string Name = "reporting.district-figures";

    /// <summary>
    /// The district's totals for its staff (the year-end report's page, the reconciliation): an officer whose account is
    /// bound to a street would read beyond it, and would see the services' figures of that street as differences.
    /// </summary>
    public const string Totals = "reporting.district-totals";

    /// <summary>The year-end report over gRPC: as <see cref="Totals"/>, and the city federation.</summary>
    public const string Report = "reporting.district-report";

    public static IServiceCollection AddDistrictFiguresPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Name, policy => policy.RequireAssertion(context => IsCityFederation(context.User) || IsDistrictOfficer(context.User)))
            .AddPolicy(Totals, policy => policy.RequireAssertion(context => IsWholeDistrictOfficer(context.User)))
            .AddPolicy(Report, policy => policy.RequireAssertion(context => IsCityFederation(context.User) || IsWholeDistrictOfficer(context.User)));
        return services;
    }

    /// <summary>The city federation reads the whole district; a district officer their own area.</summary>
    public static AreaScope ScopeOf(ClaimsPrincipal user) =>
        IsCityFederation(user) ? AreaScope.District : AreaScope.Of(user) ?? AreaScope.District;

    private static bool IsCityFederation(ClaimsPrincipal user) => user.HasScope(ReportingScopes.FiguresRead);

    private static bool IsWholeDistrictOfficer(ClaimsPrincipal user) => IsDistrictOfficer(user) && AreaScope.Of(user)?.Area == AreaCode.District;

    private static bool IsDistrictOfficer(ClaimsPrincipal user) => PlatformRoles.District.Any(role => user.HasClaim(PlatformClaims.Role, role));
}
