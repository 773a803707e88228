using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Registry.Features.Persons;

/// <param name="Name">Part of a name (三丰 finds 张三丰).</param>
public sealed record FindPersonsQuery(string? Name, [property: Range(1, 10_000)] int? Page, [property: Range(1, 200)] int? PageSize);

/// <summary>An ID number travels in a body, never in a URL, where proxies and browsers would keep it.</summary>
public sealed record LookUpPersonRequest(string? IdNumber);

public static class ReadPersons
{
    public static RouteGroupBuilder MapReadPersons(this RouteGroupBuilder persons)
    {
        persons.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("查看残疾人 A person; add ?purpose=… to see the full ID number and phone (recorded in the audit log)");
        persons.MapGet("/", FindAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("查找残疾人 Find persons in your area by part of the name (ID numbers masked)");
        persons.MapPost("/lookup", LookUpAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("按身份证号查找 Find a person in your area by ID number (blind index; masked)");
        return persons;
    }

    /// <summary>Outside the caller's area a person does not exist (404), so staff cannot probe other streets.</summary>
    public static async Task<Results<Ok<PersonView>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, string? purpose, ClaimsPrincipal user, HttpContext http, PersonStore store, PersonalDataProtector protector,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        if (await store.FindAsync(id, scope, cancellationToken) is not { } row)
        {
            return TypedResults.NotFound();
        }
        var disclosure = PersonDisclosure.For(user, purpose);
        if (disclosure == Disclosure.Full)
        {
            await audit.RecordAsync(Callers.NameOf(user)!, user, http.Connection.RemoteIpAddress?.ToString(),
                new AuditEvent(AuditActions.PersonalDataRead, $"person:{row.Id}", "ok", purpose), cancellationToken);
        }
        return TypedResults.Ok(row.View(protector, disclosure));
    }

    public static async Task<Results<Ok<IReadOnlyList<PersonView>>, ForbidHttpResult>> FindAsync(
        [AsParameters] FindPersonsQuery query, ClaimsPrincipal user, PersonStore store, PersonalDataProtector protector,
        CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var rows = await store.SearchAsync(scope, string.IsNullOrWhiteSpace(query.Name) ? null : query.Name.Trim(),
            query.Page ?? 1, query.PageSize ?? 50, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PersonView>>(rows.Select(row => row.View(protector, Disclosure.Masked)).ToList());
    }

    /// <returns>The person in a list of at most one, so "not registered" and "not in your area" look alike.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PersonView>>, ForbidHttpResult>> LookUpAsync(
        LookUpPersonRequest request, ClaimsPrincipal user, PersonStore store, PersonalDataProtector protector,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var number = ResidentIdNumber.Parse(request.IdNumber, clock);
        var found = number.IsValid
            ? await store.FindByIdNumberAsync(protector.BlindIndex(number.Number!.Value, PersonRow.IdNumberPurpose), scope, cancellationToken)
            : null;
        return TypedResults.Ok<IReadOnlyList<PersonView>>(found is null ? [] : [found.View(protector, Disclosure.Masked)]);
    }
}
