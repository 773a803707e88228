using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Relief.Features.Contributions;

public static class ContributionsApi
{
    public static IServiceCollection AddContributions(this IServiceCollection services) =>
        services.AddSingleton<SetContributionRule>().AddSingleton<PayContributions>();

    public static IEndpointRouteBuilder MapContributionsApi(this IEndpointRouteBuilder endpoints)
    {
        var rules = endpoints.MapGroup("/contribution-rules").WithTags("Insurance contributions").RequireAuthorization(PlatformPolicies.Staff);
        rules.MapGet("/", async (int? year, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var wanted = year ?? clock.TodayInChina().Year;
                var found = new List<ContributionRule>();
                foreach (var insurance in ContributionRule.Insurances)
                {
                    if (await ContributionRule.ForYearAsync(dataSource, insurance, wanted, cancellationToken) is { } rule)
                    {
                        found.Add(rule);
                    }
                }
                return TypedResults.Ok(found);
            })
            .WithSummary("缴费资助标准 Who is covered and how much, per insurance, in a year");
        rules.MapPut("/{insurance}/{year:int}", (string insurance, int year, ContributionRuleRequest request, HttpContext http, SetContributionRule set,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => set.HandleAsync(insurance, year, request, actor.Name, cancellationToken))
                    .ToHttp(rule => TypedResults.Ok(rule)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("设定缴费资助标准 Set an insurance's rule for a year (pension or medical)");
        endpoints.MapPost("/contributions", (ContributionsRequest request, HttpContext http, PayContributions pay, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => pay.HandleAsync(request, actor.Name, cancellationToken)).ToHttp(result => TypedResults.Ok(result)))
            .WithTags("Insurance contributions").RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("缴费资助 Pay the year's contribution for every holder the rule covers, once each, within the budget");
        return endpoints;
    }
}
