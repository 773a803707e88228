using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Seekers;

public static class SeekersApi
{
    public static IServiceCollection AddSeekers(this IServiceCollection services) =>
        services.AddSingleton<EmploymentRecords>().AddSingleton<RegisterSeeker>().AddSingleton<RecordEmployment>()
            .AddSingleton<RecogniseHardToEmploy>().AddSingleton<ZeroEmploymentHouseholds>();

    public static IEndpointRouteBuilder MapSeekersApi(this IEndpointRouteBuilder endpoints)
    {
        var seekers = endpoints.MapGroup("/seekers").WithTags("Job seekers").RequireAuthorization(PlatformPolicies.Staff);
        seekers.MapGet("/", (bool? employed, int? limit, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<Seeker>>)await Seeker.ListAsync(dataSource, actor.Scope, employed, Math.Clamp(limit ?? 200, 1, 1000), cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("求职登记 Registered job seekers of your area, newest first (employed=false: those without a job now)");
        seekers.MapGet("/{personId:guid}", (Guid personId, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => await Seeker.FindAsync(dataSource, personId, actor.Scope, cancellationToken) is { } seeker
                        ? (Outcome<Seeker>)seeker
                        : Failure.Missing)
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("求职人员 A seeker with their current employment");
        seekers.MapPost("/", (SeekerRequest request, HttpContext http, RegisterSeeker register, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => register.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(seeker => TypedResults.Created($"/seekers/{seeker.PersonId}", seeker)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("求职登记 Register a certificate holder of working age of your area as a job seeker");

        var persons = endpoints.MapGroup("/persons/{personId:guid}/employment").WithTags("Employment records").RequireAuthorization(PlatformPolicies.Staff);
        persons.MapGet("/", (Guid personId, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<EmploymentRecord>>)await EmploymentRecord.HistoryAsync(dataSource, personId, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("就业记录 A person's employment over time, latest first");
        persons.MapPost("/", (Guid personId, EmploymentStartRequest request, HttpContext http, RecordEmployment record, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => record.StartAsync(personId, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(started => TypedResults.Created($"/persons/{personId}/employment", started)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("登记就业 Employment starts (a current job ends the day before)");
        persons.MapPost("/end", (Guid personId, EmploymentEndRequest request, HttpContext http, RecordEmployment record, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => record.EndAsync(personId, request, actor.Scope, cancellationToken))
                    .ToHttp(ended => TypedResults.Ok(ended)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("登记失业/离职 The current employment ends, with the reason");

        endpoints.MapGet("/households/zero-employment", (int? offset, int? limit, HttpContext http, ZeroEmploymentHouseholds households,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<ZeroEmploymentPage>)await households.HandleAsync(actor.Scope,
                        Math.Max(offset ?? 0, 0), Math.Clamp(limit ?? 200, 1, 1000), cancellationToken))
                    .ToHttp(page => TypedResults.Ok(page)))
            .WithTags("Job seekers").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("零就业家庭 Households of your area with a member able to work and nobody employed, by street, for follow-up");
        return endpoints;
    }
}
