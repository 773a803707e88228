using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Persons;

/// <param name="Reason">same_name_birth_date_community or same_initials_birth_date_street.</param>
public sealed record DuplicateReview(Guid Id, Guid PersonId, Guid SimilarTo, string Reason, DateTimeOffset CreatedAt);

/// <param name="Decision">distinct (two people) or duplicate (one person registered twice: close one record).</param>
public sealed record DecideDuplicateRequest(string? Decision);

public static class DuplicateReviews
{
    public static RouteGroupBuilder MapDuplicateReviews(this RouteGroupBuilder persons)
    {
        persons.MapGet("/duplicates", ListAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("疑似重复 Registrations that look like an existing person, waiting for review by staff whose area holds both");
        persons.MapPost("/duplicates/{id:guid}/decision", DecideAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("审核疑似重复 Decide whether two records are one person");
        return persons;
    }

    public static async Task<Results<Ok<IReadOnlyList<DuplicateReview>>, ForbidHttpResult>> ListAsync(
        ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var reviews = await dataSource.Command(
                """
                select d.id, d.person_id, d.similar_to, d.reason, d.created_at
                from duplicate_reviews d join persons p on p.id = d.person_id join persons s on s.id = d.similar_to
                where d.decision is null and p.community_code like $1 and s.community_code like $1
                order by d.created_at limit 500
                """, scope.Area.LikePattern)
            .ReadAllAsync(reader => new DuplicateReview(reader.Get<Guid>("id"), reader.Get<Guid>("person_id"), reader.Get<Guid>("similar_to"),
                reader.Get<string>("reason"), reader.Get<DateTimeOffset>("created_at")), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DuplicateReview>>(reviews);
    }

    public static async Task<Results<NoContent, ValidationProblem, NotFound, ForbidHttpResult>> DecideAsync(
        Guid id, DecideDuplicateRequest request, ClaimsPrincipal user, HttpContext http, NpgsqlDataSource dataSource,
        RegistryChanges changes, CancellationToken cancellationToken)
    {
        if (Actor.Of(user, http) is not { } actor)
        {
            return TypedResults.Forbid();
        }
        if (request.Decision is not ("distinct" or "duplicate"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["decision"] = ["结论应为 distinct（不同的人）或 duplicate（同一人） / The decision is distinct or duplicate."],
            });
        }
        var decided = await dataSource.InTransactionAsync(async transaction =>
        {
            var people = await transaction.Command(
                    """
                    update duplicate_reviews d set decision = $2, decided_by = $3, decided_at = now()
                    from persons p, persons s
                    where d.id = $1 and d.decision is null and p.id = d.person_id and p.community_code like $4
                      and s.id = d.similar_to and s.community_code like $4
                    returning d.person_id
                    """, id, request.Decision, actor.Name, actor.Scope.Area.LikePattern)
                .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
            if (people is [var person, ..])
            {
                await changes.AuditChangeAsync(transaction, actor, $"person:{person}", $"duplicate_review:{request.Decision}", cancellationToken);
            }
            return people.Count > 0;
        }, cancellationToken);
        if (!decided)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.NoContent();
    }
}
