using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Relief.Features.Subsidies;

public static class SubsidiesApi
{
    public static IServiceCollection AddSubsidies(this IServiceCollection services) => services.AddSingleton<SetSubsidyRule>().AddSingleton<PersonEligibility>();

    public static IEndpointRouteBuilder MapSubsidiesApi(this IEndpointRouteBuilder endpoints)
    {
        var rules = endpoints.MapGroup("/subsidy-rules").WithTags("Subsidy rules").RequireAuthorization(PlatformPolicies.Staff);
        rules.MapGet("/", async (int? year, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
                TypedResults.Ok(await SubsidyRule.ForYearAsync(dataSource, year ?? clock.TodayInChina().Year, cancellationToken)))
            .WithSummary("两项补贴标准 The two subsidies' rules of a year: monthly amount, grades, statuses, exclusions");
        rules.MapPut("/{subsidy}/{year:int}", (string subsidy, int year, SubsidyRuleRequest request, HttpContext http, SetSubsidyRule set,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => set.HandleAsync(subsidy, year, request, actor.Name, cancellationToken))
                    .ToHttp(rule => TypedResults.Ok(rule)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("设定补贴标准 Set a subsidy's rule for a year (living_subsidy or care_subsidy)");
        endpoints.MapGet("/persons/{id:guid}/eligibility", (Guid id, int? year, HttpContext http, PersonEligibility eligibility, TimeProvider clock,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => eligibility.HandleAsync(id, year ?? clock.TodayInChina().Year, actor.Scope, cancellationToken))
                    .ToHttp(view => TypedResults.Ok(view)))
            .WithTags("Subsidy rules").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("资格信息 What relief knows of a person of your area (certificate and validity, household statuses with dates, closure) and each subsidy's unmet conditions");
        return endpoints;
    }
}
