using OpenIddict.Abstractions;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <summary>
/// Who delivers cases: rehabilitation institutions (sessions) and the education bureau (home schooling, 送教上门).
/// Both list and record the cases assigned to them, and only those.
/// </summary>
public static class DeliveryPolicy
{
    public const string Read = "rehabilitation.delivery.read";
    public const string Write = "rehabilitation.delivery.write";

    public static IServiceCollection AddDeliveryPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, policy => policy.RequireAssertion(context => context.User.HasScope(PlatformScopes.RehabilitationCasesRead)
                || context.User.HasScope(PlatformScopes.RehabilitationHomeSchoolingWrite)))
            .AddPolicy(Write, policy => policy.RequireAssertion(context => context.User.HasScope(PlatformScopes.RehabilitationSessionsWrite)
                || context.User.HasScope(PlatformScopes.RehabilitationHomeSchoolingWrite)));
        return services;
    }
}
