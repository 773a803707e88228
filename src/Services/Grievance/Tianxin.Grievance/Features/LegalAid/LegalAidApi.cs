using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Grievance.Features.LegalAid;

public sealed record LegalAidClosureRequest(string? Outcome);

public static class LegalAidApi
{
    public static IServiceCollection AddLegalAid(this IServiceCollection services) => services.AddSingleton<LegalAidSteps>();

    public static IEndpointRouteBuilder MapLegalAidApi(this IEndpointRouteBuilder endpoints)
    {
        var legalAid = endpoints.MapGroup("/legal-aid").WithTags("Legal aid").RequireAuthorization(PlatformPolicies.Staff);
        legalAid.MapPost("/", (LegalAidRequest request, HttpContext http, LegalAidSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.OpenAsync(request, actor, cancellationToken))
                    .ToHttp(found => TypedResults.Created($"/legal-aid/{found.Id}", found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("法律救助立案 Open a case for the station, or give it to a contracted firm");
        legalAid.MapGet("/", (string? status, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<LegalAidCase>>)await LegalAidCase.ListAsync(dataSource, status,
                        LegalAidCaller.Staff(actor.Name, actor.Scope), cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("法律救助 Legal aid cases of your area");
        legalAid.MapGet("/{id:guid}", (Guid id, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => await LegalAidCase.FindAsync(dataSource, id, LegalAidCaller.Staff(actor.Name, actor.Scope),
                        cancellationToken) is { } found ? (Outcome<LegalAidCase>)found : Failure.Missing)
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("法律救助详情 A case with its consultations and actions");
        legalAid.MapPost("/{id:guid}/actions", (Guid id, LegalAidActionRequest request, HttpContext http, LegalAidSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.RecordActionAsync(id, request, LegalAidCaller.Staff(actor.Name, actor.Scope), cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("咨询与代理 A consultation or an action by the station");
        legalAid.MapPost("/{id:guid}/closure", (Guid id, LegalAidClosureRequest request, HttpContext http, LegalAidSteps steps, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.CloseAsync(id, request.Outcome, LegalAidCaller.Staff(actor.Name, actor.Scope), cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("结案 Close a case with its outcome");
        return endpoints;
    }
}
