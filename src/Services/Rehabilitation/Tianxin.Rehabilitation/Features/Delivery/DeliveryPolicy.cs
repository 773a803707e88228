using OpenIddict.Abstractions;
using Tianxin.Contracts.Rehabilitation;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <summary>
/// Who delivers cases: rehabilitation institutions (sessions) and the education bureau (home schooling, 送教上门).
/// Both list and record the cases assigned to them, and only those.
/// </summary>
public static class DeliveryPolicy
{
    public const string Read = "rehabilitation.delivery.read";
    public const string Write = "rehabilitation.delivery.write";

    public static IServiceCollection AddDelivery(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Read, policy => policy.RequireAssertion(context => context.User.HasScope(RehabilitationScopes.CasesRead)
                || context.User.HasScope(RehabilitationScopes.HomeSchoolingWrite)))
            .AddPolicy(Write, policy => policy.RequireAssertion(context => context.User.HasScope(RehabilitationScopes.SessionsWrite)
                || context.User.HasScope(RehabilitationScopes.HomeSchoolingWrite)));
        return services.AddSingleton<CasesInService>().AddSingleton<ListAssignedCases>().AddSingleton<RecordSession>()
            .AddSingleton<RecordDevices>().AddSingleton<RecordOperation>().AddSingleton<CompleteCase>().AddSingleton<RecordScreening>();
    }
}
