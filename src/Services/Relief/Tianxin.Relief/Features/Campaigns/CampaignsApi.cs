using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Relief.Features.Campaigns;

public static class CampaignsApi
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services) =>
        services.AddSingleton<StartCampaign>().AddSingleton<RecordVisit>();

    public static IEndpointRouteBuilder MapCampaignsApi(this IEndpointRouteBuilder endpoints)
    {
        var campaigns = endpoints.MapGroup("/campaigns").WithTags("Festival campaigns").RequireAuthorization(PlatformPolicies.Staff);
        campaigns.MapGet("/", async (int? year, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await Campaign.ListAsync(dataSource, year, cancellationToken)))
            .WithSummary("走访慰问 Festival campaigns of a year, with how many persons each listed");
        campaigns.MapPost("/", (CampaignRequest request, HttpContext http, StartCampaign start, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => start.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(campaign => TypedResults.Created($"/campaigns/{campaign.Id}", campaign)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新建走访慰问 { programmeId, festival, name, grades?, categories?, householdFlags?, amountPerVisit, visitsFrom, visitsTo }: the rule lists who is visited");
        campaigns.MapGet("/{id:guid}/visits", (Guid id, string? status, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<CampaignVisit>>)await CampaignVisit.ListAsync(dataSource, id, status, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("走访名单 The campaign's list in your area, registered-poor households first");
        campaigns.MapPost("/{id:guid}/visits/{visitId:guid}", (Guid id, Guid visitId, VisitRequest request, HttpContext http, RecordVisit record,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => record.HandleAsync(id, visitId, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(visit => TypedResults.Ok(visit)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("登记走访 A visit made { visitedOn, amount?, method? }: paid once per person and campaign, within the budget");
        return endpoints;
    }
}
