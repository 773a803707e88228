using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Fairs;

public static class FairsApi
{
    public static IServiceCollection AddFairs(this IServiceCollection services) => services.AddSingleton<HoldJobFair>();

    public static IEndpointRouteBuilder MapFairsApi(this IEndpointRouteBuilder endpoints)
    {
        var fairs = endpoints.MapGroup("/fairs").WithTags("Job fairs").RequireAuthorization(PlatformPolicies.Staff);
        fairs.MapGet("/", async (int? year, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await JobFair.OfYearAsync(dataSource, year ?? DateTime.UtcNow.Year, cancellationToken)))
            .WithSummary("招聘会 A year's fairs with employers, postings, seekers, agreements and placements");
        fairs.MapGet("/{id:guid}", async (Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                (await JobFair.FindAsync(dataSource, id, cancellationToken) is { } fair ? (Outcome<JobFair>)fair : Failure.Missing)
                .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("招聘会 One fair and what came of it");
        fairs.MapPost("/", (JobFairRequest request, HttpContext http, HoldJobFair fairsHeld, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => fairsHeld.CreateAsync(request, actor.Name, cancellationToken))
                    .ToHttp(fair => TypedResults.Created($"/fairs/{fair.Id}", fair)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("招聘会 A fair held with the HR bureau, and how long after it a placement is still its own");
        fairs.MapPost("/{id:guid}/employers", async (Guid id, FairEmployerRequest request, HoldJobFair fairsHeld, CancellationToken cancellationToken) =>
                (await fairsHeld.AddEmployerAsync(id, request, cancellationToken)).ToHttp(fair => TypedResults.Ok(fair)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("参会单位 An employer attends with its open postings");
        fairs.MapPost("/{id:guid}/seekers", (Guid id, FairSeekerRequest request, HttpContext http, HoldJobFair fairsHeld,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => fairsHeld.AddSeekerAsync(id, request, actor.Scope, cancellationToken))
                    .ToHttp(fair => TypedResults.Ok(fair)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("参会求职人员 A seeker of your area attends");
        fairs.MapPost("/{id:guid}/agreements", (Guid id, FairAgreementRequest request, HttpContext http, HoldJobFair fairsHeld,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => fairsHeld.AgreeAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(fair => TypedResults.Ok(fair)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("达成意向 An attending seeker and an attending employer's posting agree on the day");
        return endpoints;
    }
}
