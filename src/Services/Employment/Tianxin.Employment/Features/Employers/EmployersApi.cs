using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Employers;

public static class EmployersApi
{
    public static IServiceCollection AddEmployers(this IServiceCollection services) =>
        services.AddSingleton<RegisterEmployer>().AddSingleton<DeclareEmployerYear>().AddSingleton<EmployerQuota>();

    public static IEndpointRouteBuilder MapEmployersApi(this IEndpointRouteBuilder endpoints)
    {
        var employers = endpoints.MapGroup("/employers").WithTags("Employers and quota").RequireAuthorization(PlatformPolicies.Staff);
        employers.MapGet("/", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await Employer.ListAsync(dataSource, cancellationToken)))
            .WithSummary("用人单位 Employers of the district");
        employers.MapGet("/{id:guid}", async (Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                (await Employer.FindAsync(dataSource, id, cancellationToken) is { } employer ? (Outcome<Employer>)employer : Failure.Missing)
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("用人单位 One employer");
        employers.MapPost("/", (EmployerRequest request, HttpContext http, RegisterEmployer register, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => register.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(employer => TypedResults.Created($"/employers/{employer.Id}", employer)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("登记用人单位 An employer with its unified social credit code (GB 32100, check character validated)");
        employers.MapPut("/{id:guid}/years/{year:int}", (Guid id, int year, EmployerYearRequest request, HttpContext http, DeclareEmployerYear declare,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => declare.HandleAsync(id, year, request, actor.Name, cancellationToken))
                    .ToHttp(assessment => TypedResults.Ok(assessment)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("按比例就业年审 The year's headcount, disabled and grade 1–2 employees and average wage, assessed against the quota");
        employers.MapGet("/{id:guid}/quota/{year:int}", async (Guid id, int year, EmployerQuota quota, CancellationToken cancellationToken) =>
                (await quota.ForYearAsync(year, id, cancellationToken) is [var assessment]
                    ? (Outcome<QuotaAssessment>)assessment
                    : new Failure.NotFound("该单位该年度未年审 / No declaration of this employer for this year"))
                .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("按比例就业 The employer's quota, shortfall and employment-security fund estimate for a year");
        endpoints.MapGet("/quota/{year:int}", async (int year, EmployerQuota quota, CancellationToken cancellationToken) =>
                (await quota.ForYearAsync(year, null, cancellationToken) is { } all
                    ? (Outcome<List<QuotaAssessment>>)all
                    : new Failure.NotFound("该年度没有按比例就业规则 / No quota rules for this year"))
                .ToHttp(found => TypedResults.Ok(found)))
            .WithTags("Employers and quota").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("按比例就业 Every declared employer's compliance for a year");
        return endpoints;
    }
}
