using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.LabourCases;

public static class LabourCasesApi
{
    public static IServiceCollection AddLabourCases(this IServiceCollection services) => services.AddSingleton<ResolveLabourCase>();

    public static IEndpointRouteBuilder MapLabourCasesApi(this IEndpointRouteBuilder endpoints)
    {
        var cases = endpoints.MapGroup("/labour-cases").WithTags("Labour cases").RequireAuthorization(PlatformPolicies.Staff);
        cases.MapGet("/", (string? status, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<LabourCase>>)await LabourCase.ListAsync(dataSource, status, actor.Scope,
                        cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("劳动维权 Dismissals and unpaid wages referred by grievances, of your area");
        cases.MapPost("/{id:guid}/resolution", (Guid id, ResolutionRequest request, HttpContext http, ResolveLabourCase resolve,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => resolve.HandleAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("办结 Resolve with an outcome (or legal aid); the grievance hears of it");
        return endpoints;
    }
}
