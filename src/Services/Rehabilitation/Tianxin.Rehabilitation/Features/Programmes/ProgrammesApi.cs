using System.Security.Claims;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Programmes;

public static class ProgrammesApi
{
    public static IServiceCollection AddProgrammes(this IServiceCollection services) =>
        services.AddSingleton<ListProgrammes>().AddSingleton<CreateProgramme>().AddSingleton<ChangeProgramme>();

    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder endpoints)
    {
        var programmes = endpoints.MapGroup("/programmes").WithTags("Programmes").RequireAuthorization(PlatformPolicies.Staff);
        programmes.MapGet("/", async (int? year, ListProgrammes list, CancellationToken cancellationToken) =>
                TypedResults.Ok(await list.HandleAsync(year, cancellationToken)))
            .WithSummary("康复项目 Programmes of a year with their rules and budgets");
        programmes.MapPost("/", (ProgrammeRequest request, ClaimsPrincipal user, CreateProgramme create, CancellationToken cancellationToken) =>
                create.HandleAsync(request, Callers.NameOf(user)!, cancellationToken)
                    .ToHttp(programme => TypedResults.Created($"/programmes/{programme.Id}", programme)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新建项目 Create a programme for a year: rules, amount per case, budget, contracted institutions");
        programmes.MapPut("/{id:guid}", (Guid id, ProgrammeRequest request, ClaimsPrincipal user, ChangeProgramme change,
                CancellationToken cancellationToken) =>
                change.HandleAsync(id, request, Callers.NameOf(user)!, cancellationToken).ToHttp(programme => TypedResults.Ok(programme)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("修改项目 Change a programme's rules or budget (never below what is committed)");
        return endpoints;
    }
}
