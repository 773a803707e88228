using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenIddict.Abstractions;
using OpenIddict.Validation;

namespace Tianxin.BuildingBlocks.Security;

public static class SecurityExtensions
{
    public const string IssuerSetting = "Identity:Issuer";

    /// <summary>
    /// Every request needs a token issued by the platform's identity service (validated here with
    /// OpenIddict, keys from its discovery document) and, when <paramref name="audience"/> is given,
    /// meant for this service (see <see cref="AccessTokens"/>). The fallback policy makes an endpoint without a
    /// policy require a valid token, so no endpoint can be left open by forgetting; health checks opt out explicitly.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformSecurity(this IHostApplicationBuilder builder, string? audience)
    {
        var issuer = builder.Configuration[IssuerSetting]
            ?? throw new InvalidOperationException($"{IssuerSetting} (the identity service's public URL) is not configured.");
        builder.Services.AddOpenIddict().AddValidation(validation =>
        {
            validation.SetIssuer(new Uri(issuer));
            validation.UseSystemNetHttp();
        });

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services.AddSingleton(provider => new AccessTokens(provider.GetRequiredService<OpenIddictValidationService>(),
            provider.GetRequiredService<ValidatedTokenCache>(), provider.GetRequiredService<TimeProvider>(), audience));
        builder.Services.AddAuthentication(CachedTokenAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, CachedTokenAuthentication>(CachedTokenAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OpsKeyAuthentication>(OpsKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            // No scheme named: the caller is the one CallerFromToken found.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(PlatformPolicies.Staff, policy => policy.RequireClaim(PlatformClaims.Role, PlatformRoles.All))
            .AddPolicy(PlatformPolicies.Caseworker, policy => policy.RequireClaim(PlatformClaims.Role, PlatformRoles.Caseworkers))
            .AddPolicy(PlatformPolicies.DistrictOfficer, policy => policy.RequireClaim(PlatformClaims.Role, PlatformRoles.District))
            .AddPolicy(PlatformPolicies.Auditor, policy => policy.RequireClaim(PlatformClaims.Role, PlatformRoles.Auditor, PlatformRoles.DistrictAdmin))
            .AddPolicy(PlatformPolicies.Operator, policy => policy
                .AddAuthenticationSchemes(CachedTokenAuthentication.SchemeName, OpsKeyAuthentication.SchemeName)
                .RequireClaim(PlatformClaims.Role, PlatformRoles.Operator));
        foreach (var scope in PlatformScopes.Partner)
        {
            builder.Services.AddAuthorizationBuilder().AddPolicy(scope, policy => policy
                .RequireAssertion(context => context.User.HasScope(scope)));
        }
        return builder;
    }

    public static WebApplication UsePlatformSecurity(this WebApplication app)
    {
        app.UseMiddleware<CallerFromToken>();
        app.UseAuthorization();
        return app;
    }
}
