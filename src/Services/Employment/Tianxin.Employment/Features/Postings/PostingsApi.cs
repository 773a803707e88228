using Npgsql;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Postings;

public static class PostingsApi
{
    public static IServiceCollection AddPostings(this IServiceCollection services) =>
        services.AddSingleton<CreatePosting>().AddSingleton<FindMatches>().AddSingleton<ReferSeeker>().AddSingleton<ReferralSteps>();

    public static IEndpointRouteBuilder MapPostingsApi(this IEndpointRouteBuilder endpoints)
    {
        var postings = endpoints.MapGroup("/postings").WithTags("Postings and matching").RequireAuthorization(PlatformPolicies.Staff);
        postings.MapGet("/", async (Guid? employerId, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await Posting.OpenAsync(dataSource, employerId, cancellationToken)))
            .WithSummary("在招岗位 Open postings, newest first");
        postings.MapGet("/{id:guid}", async (Guid id, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                (await Posting.FindAsync(dataSource, id, cancellationToken) is { } posting ? (Outcome<Posting>)posting : Failure.Missing)
                .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("岗位 One posting");
        postings.MapPost("/", (PostingRequest request, HttpContext http, CreatePosting create, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => create.HandleAsync(request, actor.Name, cancellationToken))
                    .ToHttp(posting => TypedResults.Created($"/postings/{posting.Id}", posting)))
            .RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("发布岗位 A posting with the categories and grades the work suits, workplace, hours and skills");
        postings.MapGet("/{id:guid}/candidates", (Guid id, int? limit, HttpContext http, FindMatches matches, AuditTrail audit,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                    {
                        var found = await matches.CandidatesAsync(id, actor.Scope, Math.Clamp(limit ?? 20, 1, 200), cancellationToken);
                        await audit.RecordAsync(actor.Name, actor.User, actor.ClientAddress,
                            new AuditEvent(AuditActions.PersonalDataRead, $"posting:{id}/candidates", found.Succeeded ? "ok" : "404"), cancellationToken);
                        return found;
                    })
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("人岗匹配 Seekers of your area who could take the posting now, best first, with the reasons");
        endpoints.MapGet("/seekers/{personId:guid}/postings", (Guid personId, int? limit, HttpContext http, FindMatches matches,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => matches.PostingsAsync(personId, actor.Scope, Math.Clamp(limit ?? 20, 1, 200), cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithTags("Postings and matching").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("人岗匹配 Open postings for a seeker of your area, best first, with the reasons");

        var referrals = endpoints.MapGroup("/referrals").WithTags("Postings and matching").RequireAuthorization(PlatformPolicies.Staff);
        referrals.MapGet("/", (Guid? postingId, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        (Outcome<List<Referral>>)await Referral.ListAsync(dataSource, postingId, actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("推荐就业 Referrals of your area's seekers");
        referrals.MapPost("/", (ReferralRequest request, HttpContext http, ReferSeeker refer, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => refer.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(referral => TypedResults.Created($"/referrals/{referral.Id}", referral)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("推荐就业 Refer a seeker of your area to an open posting");
        referrals.MapPost("/{id:guid}/interview", (Guid id, InterviewRequest request, HttpContext http, ReferralSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.InterviewAsync(id, request, actor.Scope, cancellationToken))
                    .ToHttp(referral => TypedResults.Ok(referral)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("面试 The interview took place");
        referrals.MapPost("/{id:guid}/decision", (Guid id, HireDecisionRequest request, HttpContext http, ReferralSteps steps,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => steps.DecideAsync(id, request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(referral => TypedResults.Ok(referral)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("录用结果 Hired (an employment record with the posting's employer) or not, with the reason");
        return endpoints;
    }
}
