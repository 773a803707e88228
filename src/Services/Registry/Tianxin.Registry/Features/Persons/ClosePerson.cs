using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tianxin.BuildingBlocks.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Persons;

/// <param name="Reason">deceased (死亡) or moved_out (迁出本区).</param>
/// <param name="On">The day it happened, not in the future and not before birth.</param>
public sealed record ClosePersonRequest(string? Reason, DateOnly? On);

/// <summary>A person who died or moved away is closed, never deleted; a valid certificate ends with the record.</summary>
public static class ClosePerson
{
    private static readonly string[] Reasons = ["deceased", "moved_out"];

    public static RouteGroupBuilder MapClosePerson(this RouteGroupBuilder persons)
    {
        persons.MapPost("/{id:guid}/closure", HandleAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("注销 Record a death or a move out of the district");
        return persons;
    }

    public static Task<Results<Ok<PersonView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> HandleAsync(
        Guid id, ClosePersonRequest request, HttpContext http, PersonStore store, RegistryChanges changes, PersonalDataProtector protector,
        CancellationToken cancellationToken) =>
        Actor.From(http).ThenAsync(actor => ChangeAsync(id, request, actor, store, changes, protector, cancellationToken))
            .ToHttp(person => TypedResults.Ok(person));

    private static async Task<Outcome<PersonView>> ChangeAsync(Guid id, ClosePersonRequest request, Actor actor, PersonStore store, RegistryChanges changes,
        PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, actor.Scope, cancellationToken) is not { } person)
        {
            return RegistryFailures.NoSuchPerson;
        }
        var errors = new Dictionary<string, string[]>();
        if (request.Reason is not { } reason || !Reasons.Contains(reason))
        {
            errors["reason"] = ["注销原因应为 deceased（死亡）或 moved_out（迁出） / The reason is deceased or moved_out."];
        }
        if (request.On is not { } on || on > changes.Today || on < person.BirthDate)
        {
            errors["on"] = ["日期应在出生之后、今天之前 / The date is between the birth date and today."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "注销信息有误 / The closure has errors");
        }
        var closed = await changes.RunAsync(async transaction =>
        {
            var (status, household) = await changes.LockWithHouseholdAsync(transaction, id, cancellationToken);
            if (status != "active")
            {
                return false;
            }
            await transaction.Command(
                "update persons set status = $2, closed_on = $3, closed_reason = $2, version = version + 1, updated_at = now(), updated_by = $4 where id = $1",
                id, request.Reason, request.On, actor.Name).ExecuteAsync(cancellationToken);
            var endedCertificates = await transaction.Command(
                    "update certificates set status = 'revoked', ended_on = $2, ended_reason = $3 where person_id = $1 and status = 'valid' returning id",
                    id, request.On, request.Reason)
                .ReadAllAsync(reader => reader.Get<Guid>("id"), cancellationToken);
            await changes.RecordHistoryAsync(transaction, id, "closed",
                new { reason = request.Reason, on = request.On, certificatesEnded = endedCertificates }, actor.Name, cancellationToken);
            var facts = await changes.NewFactsAsync(transaction, [id, .. household], cancellationToken);
            await changes.PublishAsync(transaction,
                new PersonClosed(facts.Single(f => f.PersonId == id), facts.Where(f => f.PersonId != id).ToList(), request.Reason!,
                    request.On!.Value, changes.Now), cancellationToken);
            await changes.AuditChangeAsync(transaction, actor, $"person:{id}", "closed", cancellationToken);
            return true;
        }, cancellationToken);
        if (!closed)
        {
            return RegistryFailures.Closed;
        }
        return (await store.FindAsync(id, actor.Scope, cancellationToken))!.View(protector, Disclosure.Masked);
    }
}
