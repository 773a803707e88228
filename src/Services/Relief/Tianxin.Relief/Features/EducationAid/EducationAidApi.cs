using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Relief.Features.Schooling;

namespace Tianxin.Relief.Features.EducationAid;

public static class EducationAidApi
{
    public static IServiceCollection AddEducationAid(this IServiceCollection services) =>
        services.AddSingleton<ReportSchooling>().AddSingleton<SetEducationAidRule>().AddSingleton<ApplyForEducationAid>();

    public static IEndpointRouteBuilder MapEducationAidApi(this IEndpointRouteBuilder endpoints)
    {
        var aid = endpoints.MapGroup("/education-aid").WithTags("Education aid").RequireAuthorization(PlatformPolicies.Staff);
        aid.MapGet("/rules", async (int? year, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken) =>
                TypedResults.Ok(await EducationAidRules.ForYearAsync(dataSource, year ?? clock.TodayInChina().Year, cancellationToken)))
            .WithSummary("就学救助标准 The aid per school stage that applies in a year");
        aid.MapPut("/rules/{year:int}/{stage}", (int year, string stage, EducationAidRuleRequest request, HttpContext http, SetEducationAidRule set,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => set.HandleAsync(year, stage, request, actor.Name, cancellationToken))
                    .ToHttp(rule => TypedResults.Ok(rule)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("设定就学救助标准 Set a stage's aid for a year, with its source");
        aid.MapPost("/", (EducationAidRequest request, HttpContext http, ApplyForEducationAid apply, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => apply.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Created($"/cases/{found.Id}", found)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("就学救助申请 Aid for a disabled student or a child of a poor disabled parent, at the stage's amount; granted as a relief case");
        endpoints.MapGet("/school-stages", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await SchoolStages.ListAsync(dataSource, cancellationToken)))
            .WithTags("Education aid").RequireAuthorization(PlatformPolicies.Staff).WithSummary("学段 The school stages");
        return endpoints;
    }
}
