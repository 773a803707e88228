using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Care;

/// <summary>Staff keep centres and enrolments here; care institutions record the months served over gRPC (tianxin.employment.v1).</summary>
public static class CareApi
{
    public static IServiceCollection AddCare(this IServiceCollection services) =>
        services.AddSingleton<CreateCareCentre>().AddSingleton<EnrolInCare>().AddSingleton<RecordCareMonth>();

    public static IEndpointRouteBuilder MapCareApi(this IEndpointRouteBuilder endpoints)
    {
        var care = endpoints.MapGroup("/care").WithTags("Care").RequireAuthorization(PlatformPolicies.Staff);
        care.MapGet("/centres", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await CareCentre.ListAsync(dataSource, cancellationToken)))
            .WithSummary("托养机构 Day-care centres and home-care providers with capacity and enrolled");
        care.MapPost("/centres", (CareCentreRequest request, HttpContext http, CreateCareCentre create, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => create.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(centre => TypedResults.Created($"/care/centres/{centre.Id}", centre)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新增托养机构 A centre or provider run by a care institution, with its capacity");
        care.MapGet("/enrolments", (string? kind, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<CareEnrolment>>)await CareEnrolment.ListAsync(dataSource, kind, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("托养对象 Care enrolments of your area with the months served");
        care.MapPost("/enrolments", (CareEnrolmentRequest request, HttpContext http, EnrolInCare enrol, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => enrol.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(enrolment => TypedResults.Created($"/care/enrolments/{enrolment.Id}", enrolment)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("托养登记 A working-age person severely disabled or with an intellectual or mental disability joins a centre");
        care.MapPost("/enrolments/{id:guid}/end", (Guid id, CareEndRequest request, HttpContext http, EnrolInCare enrol,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => enrol.EndAsync(id, request, actor.Scope, cancellationToken))
                    .ToHttp(enrolment => TypedResults.Ok(enrolment)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("结束托养 The care ends");
        return endpoints;
    }
}
