using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Relief.Features.Cases;

public static class CasesApi
{
    public static IServiceCollection AddCases(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ReferralOptions>(configuration.GetSection(ReferralOptions.Section)).AddSingleton<ReferralIntake>()
            .AddSingleton<AssessmentFeeOffer>().AddSingleton<CreateReliefProgramme>().AddSingleton<SubmitReliefCase>().AddSingleton<GrantReliefCase>()
            .AddSingleton<RefuseReliefCase>();

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var programmes = endpoints.MapGroup("/programmes").WithTags("Relief programmes").RequireAuthorization(PlatformPolicies.Staff);
        programmes.MapGet("/", async (int? year, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await ReliefProgramme.ListAsync(dataSource, year, cancellationToken)))
            .WithSummary("救助项目 Relief programmes of a year with budget, committed and left");
        programmes.MapPost("/", (ReliefProgrammeRequest request, HttpContext http, CreateReliefProgramme create, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => create.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(programme => TypedResults.Created($"/programmes/{programme.Id}", programme)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新建救助项目 A programme for a year with its budget and its limits per case and per person");

        var cases = endpoints.MapGroup("/cases").WithTags("Relief cases").RequireAuthorization(PlatformPolicies.Staff);
        cases.MapGet("/", (Guid? programmeId, string? status, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<ReliefCase>>)await ReliefCase.ListAsync(dataSource, programmeId, status, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("救助申请 Cases of your area, registered-poor first");
        cases.MapPost("/", (ReliefCaseRequest request, HttpContext http, SubmitReliefCase submit, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => submit.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Created($"/cases/{found.Id}", found)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("救助申请 A case for a person of your area (also a referral from another service)");
        cases.MapPost("/{id:guid}/grant", (Guid id, HttpContext http, GrantReliefCase grant, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => grant.HandleAsync(id, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("批准救助 Grant within budget and the yearly limit per person; the payment is recorded once");
        cases.MapPost("/{id:guid}/refusal", (Guid id, RefusalRequest request, HttpContext http, RefuseReliefCase refuse,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => refuse.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("不予救助 Refuse with a reason");
        return endpoints;
    }
}
