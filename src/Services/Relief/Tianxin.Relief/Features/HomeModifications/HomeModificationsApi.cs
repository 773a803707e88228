using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.HomeModifications;

public static class HomeModificationsApi
{
    public static IServiceCollection AddHomeModifications(this IServiceCollection services) =>
        services.AddSingleton<SurveyHome>().AddSingleton<HomeModificationSteps>();

    public static IEndpointRouteBuilder MapHomeModificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var homes = endpoints.MapGroup("/home-modifications").WithTags("Home modifications").RequireAuthorization(PlatformPolicies.Staff);
        homes.MapGet("/", (Guid? programmeId, string? status, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<HomeModification>>)await HomeModification.ListAsync(dataSource, programmeId, status, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("无障碍改造 The worklist of your area: registered-poor households first, then rural ones");
        homes.MapPost("/", (SurveyRequest request, HttpContext http, SurveyHome survey, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => survey.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(home => TypedResults.Created($"/home-modifications/{home.Id}", home)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("入户调查 Record the survey of a home { programmeId, personId, rural, notes, surveyedOn }");
        homes.MapPost("/{id:guid}/plan", (Guid id, PlanRequest request, HttpContext http, HomeModificationSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.PlanAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(home => TypedResults.Ok(home)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("改造方案 The plan and its cost, taken from the budget line (registered-poor households first)");
        homes.MapPost("/{id:guid}/works", (Guid id, WorksRequest request, HttpContext http, HomeModificationSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.StartWorksAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(home => TypedResults.Ok(home)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("开工 The works started { startedOn }");
        homes.MapPost("/{id:guid}/acceptance", (Guid id, CompletionRequest request, HttpContext http, HomeModificationSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.CompleteAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(home => TypedResults.Ok(home)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("验收 Accept the works { completedOn, spent }: what was spent is paid once, the rest returns to the budget");
        homes.MapPost("/{id:guid}/refusal", (Guid id, RefusalRequest request, HttpContext http, HomeModificationSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.RefuseAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(home => TypedResults.Ok(home)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("不予改造 Refuse before the works, with a reason; a planned amount returns to the budget");
        return endpoints;
    }
}
