using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Grievance.Features.Cases;

public sealed record IdAnswer(Guid Id);

public sealed record SubjectView(string Code, string Name);

public static class CasesApi
{
    public static IServiceCollection AddCases(this IServiceCollection services) =>
        services.AddSingleton<CaseRecords>().AddSingleton<CaseSteps>().AddSingleton<CaseReads>().AddSingleton<ReceiveCase>().AddSingleton<RouteCase>()
            .AddSingleton<DecideAcceptance>().AddSingleton<ExtendCase>().AddSingleton<ReplyToCase>().AddSingleton<RequestReview>()
            .AddSingleton<CloseCase>().AddSingleton<RecordEscalationBeyond>().AddSingleton<AtRiskCases>();

    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/subjects", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await dataSource.Command("select code, name from subjects order by code")
                    .ReadAllAsync(r => new SubjectView(r.Get<string>("code"), r.Get<string>("name")), cancellationToken)))
            .WithTags("Cases").RequireAuthorization(PlatformPolicies.Staff).WithSummary("诉求类别 Subjects a case can be about");

        var cases = endpoints.MapGroup("/cases").WithTags("Cases").RequireAuthorization(PlatformPolicies.Staff);
        cases.MapPost("/", (CaseRequest request, HttpContext http, ReceiveCase receive, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => receive.HandleAsync(request, actor, cancellationToken))
                    .ToHttp(id => TypedResults.Created($"/cases/{id}", new IdAnswer(id))))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("登记 Receive a petition (信访) or a walk-in complaint, held by your area");
        cases.MapGet("/", (string? kind, string? stage, string? subject, int? limit, HttpContext http, CaseReads reads, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<CaseSummary>>)await reads.ListAsync(new CaseQuery(kind, stage, subject, limit), actor,
                        cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("案件 Cases held by your area and the areas below it, newest first");
        cases.MapGet("/at-risk", (string? street, int? limit, HttpContext http, AtRiskCases atRisk, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<AtRiskList>)await atRisk.FindAsync(actor.Scope, street, limit, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("临期与超期 Cases at risk or breached: the count per street, and the most overdue first (?limit=, 200 by default)");
        cases.MapGet("/{id:guid}", (Guid id, string? purpose, HttpContext http, CaseReads reads, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => reads.GetAsync(id, purpose, actor, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("案件详情 A case with its clock, steps, referrals and attachments; ?purpose= shows the complainant (audited)");

        MapStep<RouteRequest, RouteCase>(cases, "routing", "流转 Assign, transfer, return or escalate within district → street → community",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        MapStep<AcceptanceRequest, DecideAcceptance>(cases, "acceptance", "受理告知 Accept a petition or not, within 15 days",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        MapStep<ExtensionRequest, ExtendCase>(cases, "extension", "延期 Extend the handling once, at most 30 days, as approved",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        MapStep<ReplyRequest, ReplyToCase>(cases, "reply", "答复 The written reply, or the answer to a review",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        MapStep<ReviewRequest, RequestReview>(cases, "review-request", "复查/复核 The petitioner asks for a review within 30 days of the answer",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        MapStep<ClosureRequest, CloseCase>(cases, "closure", "办结 Close a replied case",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        MapStep<EscalationBeyondRequest, RecordEscalationBeyond>(cases, "escalation-beyond-district", "越级上访 The petitioner went above the district",
            (handler, id, request, actor, token) => handler.HandleAsync(id, request, actor, token));
        return endpoints;
    }

    private static void MapStep<TRequest, THandler>(RouteGroupBuilder cases, string step, string summary,
        Func<THandler, Guid, TRequest, Actor, CancellationToken, Task<Outcome<GrievanceCase>>> handle) where THandler : notnull =>
        cases.MapPost($"/{{id:guid}}/{step}", async (Guid id, TRequest request, HttpContext http, THandler handler, CaseReads reads,
                CancellationToken cancellationToken) =>
            {
                var done = await Actor.From(http).ThenAsync(actor => handle(handler, id, request, actor, cancellationToken));
                return (await done.ThenAsync(found => reads.ViewAsync(found, cancellationToken))).ToHttp(found => TypedResults.Ok(found));
            })
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary(summary);
}
