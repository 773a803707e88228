using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Features.Certificates;

namespace Tianxin.Registry.Features.Persons;

/// <summary>ID and certificate numbers travel in a body, never in a URL, where proxies and browsers would keep them.</summary>
/// <param name="CertificateNumber">20 characters: the ID number, category and grade.</param>
public sealed record LookUpPersonRequest(string? IdNumber, string? CertificateNumber);

public sealed record HistoryEntry(long Id, string Change, JsonElement Details, DateTimeOffset ChangedAt, string ChangedBy);

public static class ReadPersons
{
    public static RouteGroupBuilder MapReadPersons(this RouteGroupBuilder persons)
    {
        persons.MapGet("/{id:guid}", GetAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("查看残疾人 A person; add ?purpose=… to see the full ID number and phone (recorded in the audit log)");
        persons.MapPost("/lookup", LookUpAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("按身份证号或残疾人证号查找 Find a person in your area by ID or certificate number (masked)");
        persons.MapGet("/{id:guid}/history", HistoryAsync).RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("变更记录 Every change to a person, their certificates and household membership");
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

    /// <returns>The person in a list of at most one, so "not registered" and "not in your area" look alike.</returns>
    public static async Task<Results<Ok<IReadOnlyList<PersonView>>, ValidationProblem, ForbidHttpResult>> LookUpAsync(
        LookUpPersonRequest request, ClaimsPrincipal user, PersonStore store, PersonalDataProtector protector,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        PersonRow? found;
        if (!string.IsNullOrWhiteSpace(request.CertificateNumber))
        {
            var (number, error) = CertificateNumber.Parse(request.CertificateNumber, clock);
            if (number is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["certificateNumber"] = [error!] });
            }
            found = await store.FindByIdNumberAsync(protector.BlindIndex(number.IdNumber.Value, PersonRow.IdNumberPurpose), scope, cancellationToken);
            found = found?.Certificate is { } certificate && certificate.Category == number.Category && certificate.Grade == number.Grade ? found : null;
        }
        else
        {
            var number = ResidentIdNumber.Parse(request.IdNumber, clock);
            if (!number.IsValid)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["idNumber"] = [number.Message] });
            }
            found = await store.FindByIdNumberAsync(protector.BlindIndex(number.Number!.Value, PersonRow.IdNumberPurpose), scope, cancellationToken);
        }
        return TypedResults.Ok<IReadOnlyList<PersonView>>(found is null ? [] : [found.View(protector, Disclosure.Masked)]);
    }

    public static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, NotFound, ForbidHttpResult>> HistoryAsync(
        Guid id, ClaimsPrincipal user, PersonStore store, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        if (await store.FindAsync(id, scope, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }
        var entries = await dataSource.Command(
                "select id, change, details, changed_at, changed_by from person_history where person_id = $1 order by id", id)
            .ReadAllAsync(reader => new HistoryEntry(reader.Get<long>("id"), reader.Get<string>("change"),
                JsonSerializer.Deserialize<JsonElement>(reader.Get<string>("details")), reader.Get<DateTimeOffset>("changed_at"),
                reader.Get<string>("changed_by")),
                cancellationToken);
        return TypedResults.Ok<IReadOnlyList<HistoryEntry>>(entries);
    }
}
