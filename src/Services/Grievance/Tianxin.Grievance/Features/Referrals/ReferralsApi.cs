using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Grievance.Features.Cases;

namespace Tianxin.Grievance.Features.Referrals;

public static class ReferralsApi
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) => services.AddSingleton<ReferCase>();

    public static IEndpointRouteBuilder MapReferralsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cases/{id:guid}/referrals", async (Guid id, ReferralRequest request, HttpContext http, ReferCase refer, CaseReads reads,
                CancellationToken cancellationToken) =>
            {
                var referred = await Actor.From(http).ThenAsync(actor => refer.HandleAsync(id, request, actor, cancellationToken));
                return (await referred.ThenAsync(found => reads.ViewAsync(found, cancellationToken))).ToHttp(found => TypedResults.Ok(found));
            })
            .WithTags("Cases").RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("转办 Refer hardship to relief or a job dispute to employment; the outcome comes back on the case");
        return endpoints;
    }
}
