using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tianxin.BuildingBlocks.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Persons;

/// <summary>The ID number, and so birth date and sex, never change: a wrong one is a wrong record.</summary>
/// <param name="Version">The version read; a change made meanwhile by someone else answers 409.</param>
public sealed record UpdatePersonRequest(string? Name, string? Phone, string? Address, string? CommunityCode, int? Version);

public static class UpdatePerson
{
    public static RouteGroupBuilder MapUpdatePerson(this RouteGroupBuilder persons)
    {
        persons.MapPut("/{id:guid}", HandleAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("修改残疾人信息 Change name, phone, address or community (history kept)");
        return persons;
    }

    public static Task<Results<Ok<PersonView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> HandleAsync(
        Guid id, UpdatePersonRequest request, HttpContext http, PersonStore store, RegistryChanges changes, PersonalDataProtector protector,
        CancellationToken cancellationToken) =>
        Actor.From(http).ThenAsync(actor => ChangeAsync(id, request, actor, store, changes, protector, cancellationToken))
            .ToHttp(person => TypedResults.Ok(person));

    private static async Task<Outcome<PersonView>> ChangeAsync(Guid id, UpdatePersonRequest request, Actor actor, PersonStore store, RegistryChanges changes,
        PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, actor.Scope, cancellationToken) is not { } before)
        {
            return RegistryFailures.NoSuchPerson;
        }
        var errors = new Dictionary<string, string[]>();
        var details = await PersonDetailsRules.ValidateAsync(request.Name, request.Phone, request.Address, request.CommunityCode,
            actor.Scope, store, errors, cancellationToken);
        if (before.HouseholdId is not null && errors.Count == 0 && details.CommunityCode[..9] != before.CommunityCode[..9])
        {
            errors["communityCode"] = ["该残疾人所在家庭在另一街道，请先调整家庭成员 / The person's household is in another street: change the household first."];
        }
        if (request.Version is null)
        {
            errors["version"] = ["请提供读取时的版本号 / Give the version you read."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "修改信息有误 / The change has errors");
        }
        if (before.Status != "active")
        {
            return RegistryFailures.Closed;
        }
        var changed = ChangedFields(before, details);
        if (changed.Count == 0)
        {
            return before.View(protector, Disclosure.Masked);
        }

        var updated = await changes.RunAsync(async transaction =>
        {
            var rows = await transaction.Command(
                """
                update persons set name = $3, phone = $4, address = $5, community_code = $6, search_terms = $7, name_initials = $8,
                                   version = version + 1, updated_at = now(), updated_by = $9
                where id = $1 and version = $2 and status = 'active'
                """, id, request.Version, details.Name, details.Phone, details.Address, details.CommunityCode,
                SearchTerms.Of(details.Name), PinyinInitials.Of(details.Name), actor.Name).ExecuteAsync(cancellationToken);
            if (rows == 0)
            {
                return false;
            }
            await changes.RecordHistoryAsync(transaction, id, "details_changed",
                new { before = new PersonDetails(before.Name, before.Phone, before.Address, before.CommunityCode).ForHistory(), after = details.ForHistory() },
                actor.Name, cancellationToken);
            var facts = await changes.NewFactsAsync(transaction, [id], cancellationToken);
            await changes.PublishAsync(transaction, new PersonDetailsChanged(facts[0], changed, changes.Now), cancellationToken);
            await changes.AuditChangeAsync(transaction, actor, $"person:{id}", "details_changed", cancellationToken);
            return true;
        }, cancellationToken);
        if (!updated)
        {
            return Failure.ChangedMeanwhile;
        }
        return (await store.FindAsync(id, actor.Scope, cancellationToken))!.View(protector, Disclosure.Masked);
    }

    private static List<string> ChangedFields(PersonRow before, PersonDetails after)
    {
        var changed = new List<string>();
        if (before.Name != after.Name) changed.Add("name");
        if (before.Phone != after.Phone) changed.Add("phone");
        if (before.Address != after.Address) changed.Add("address");
        if (before.CommunityCode != after.CommunityCode) changed.Add("communityCode");
        return changed;
    }
}
