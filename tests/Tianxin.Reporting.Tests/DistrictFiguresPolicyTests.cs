using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Reporting;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Tests;

public sealed class DistrictFiguresPolicyTests
{
    private static readonly IAuthorizationService Authorization = new ServiceCollection().AddLogging().AddAuthorization().AddDistrictFiguresPolicy()
        .BuildServiceProvider().GetRequiredService<IAuthorizationService>();

    [Theory]
    [InlineData(PlatformRoles.DistrictOfficer, "430103", true, true)]
    [InlineData(PlatformRoles.DistrictAdmin, "430103", true, true)]
    [InlineData(PlatformRoles.DistrictOfficer, "430103001", true, false)] // an officer's account bound to a street: that street's targets only
    [InlineData(PlatformRoles.DistrictOfficer, null, true, false)]
    [InlineData(PlatformRoles.StreetStaff, "430103", false, false)]
    public async Task The_district_s_totals_need_a_district_role_with_the_whole_district_as_its_area(string role, string? area, bool figures,
        bool totals)
    {
        Claim[] claims = area is null ? [new(PlatformClaims.Role, role)] : [new(PlatformClaims.Role, role), new(PlatformClaims.Area, area)];
        var staff = new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));

        Assert.Equal((figures, totals, totals), await AllowedAsync(staff));
    }

    /// <summary>The federation reads the report and the targets over gRPC; the page and the reconciliation are the district staff's.</summary>
    [Fact]
    public async Task The_city_federation_reads_the_report_and_the_targets_but_not_the_staff_s_totals()
    {
        var city = new ClaimsPrincipal(new ClaimsIdentity([new Claim(OpenIddictConstants.Claims.Private.Scope, ReportingScopes.FiguresRead)], "test"));

        Assert.Equal((true, false, true), await AllowedAsync(city));
    }

    /// <returns>Whether the user may read the figures, the staff's totals and the report over gRPC.</returns>
    private static async Task<(bool Figures, bool Totals, bool Report)> AllowedAsync(ClaimsPrincipal user) =>
        (await AllowedAsync(user, DistrictFiguresPolicy.Name), await AllowedAsync(user, DistrictFiguresPolicy.Totals),
            await AllowedAsync(user, DistrictFiguresPolicy.Report));

    private static async Task<bool> AllowedAsync(ClaimsPrincipal user, string policy) => (await Authorization.AuthorizeAsync(user, policy)).Succeeded;
}
