using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Persons;

/// <param name="IdNumber">居民身份证号码, 18 characters; birth date and sex are derived from it.</param>
/// <param name="Name">Chinese name; minority names with the middle dot ·.</param>
/// <param name="Phone">Mainland mobile (13812345678) or landline (0731-85551234).</param>
/// <param name="CommunityCode">The community or village (12 digits) the person lives in, within the caller's area.</param>
public sealed record RegisterPersonRequest(string? IdNumber, string? Name, string? Phone, string? Address, string? CommunityCode);

/// <summary>Registration as REST, gRPC and imports share it.</summary>
public sealed class PersonRegistration(PersonStore store, RegistryChanges changes, PersonalDataProtector protector, TimeProvider clock)
{
    /// <returns>The ID number and details when valid; otherwise the field errors are in <paramref name="errors"/>.</returns>
    public async Task<(ResidentIdNumber? IdNumber, PersonDetails Details)> ValidateAsync(RegisterPersonRequest request, Actor actor,
        Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var idNumber = ResidentIdNumber.Parse(request.IdNumber, clock);
        if (!idNumber.IsValid)
        {
            errors["idNumber"] = [idNumber.Message];
        }
        var details = await PersonDetailsRules.ValidateAsync(request.Name, request.Phone, request.Address, request.CommunityCode,
            actor.Scope, store, errors, cancellationToken);
        return (idNumber.Number, details);
    }

    public const string InvalidTitle = "登记信息有误 / The registration has errors";

    /// <returns>The registered person, or <see cref="RegistryFailures.AlreadyRegistered"/> when the ID number is registered already.</returns>
    public async Task<Outcome<PersonRow>> RegisterAsync(RegisterPersonRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (number, details) = await ValidateAsync(request, actor, errors, cancellationToken);
        if (errors.Count > 0 || number is null)
        {
            return Failure.Fields(errors, InvalidTitle);
        }

        var id = Guid.CreateVersion7();
        var index = protector.BlindIndex(number.Value, PersonRow.IdNumberPurpose);
        try
        {
            await changes.RunAsync(async transaction =>
            {
                await transaction.Command(
                    """
                    insert into persons (id, id_number_cipher, id_number_index, name, sex, birth_date, phone, address, community_code,
                                         search_terms, name_initials, created_by, updated_by)
                    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)
                    """,
                    id, protector.Encrypt(number.Value, PersonRow.IdNumberPurpose), index, details.Name,
                    number.Sex == Sex.Male ? "male" : "female", number.BirthDate, details.Phone, details.Address, details.CommunityCode,
                    SearchTerms.Of(details.Name), PinyinInitials.Of(details.Name), actor.Name).ExecuteAsync(cancellationToken);
                await FlagProbableDuplicatesAsync(transaction, id, details, number.BirthDate, cancellationToken);
                await changes.RecordHistoryAsync(transaction, id, "registered", details.ForHistory(), actor.Name, cancellationToken);
                var facts = await changes.NewFactsAsync(transaction, [id], cancellationToken);
                await changes.PublishAsync(transaction, new PersonRegistered(facts[0], changes.Now), cancellationToken);
                await changes.AuditChangeAsync(transaction, actor, $"person:{id}", "registered", cancellationToken);
                return id;
            }, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "persons_id_number_index_key")
        {
            return RegistryFailures.AlreadyRegistered;
        }
        return (await store.FindAsync(id, actor.Scope, cancellationToken))!;
    }

    /// <summary>The person registered under this ID number, within the actor's area.</summary>
    public Task<PersonRow?> FindRegisteredAsync(string idNumber, Actor actor, CancellationToken cancellationToken) =>
        store.FindByIdNumberAsync(protector.BlindIndex(idNumber, PersonRow.IdNumberPurpose), actor.Scope, cancellationToken);

    /// <summary>The same name and birth date in the same community, or the same initials and birth date in the same street.</summary>
    private static Task FlagProbableDuplicatesAsync(NpgsqlTransaction transaction, Guid id, PersonDetails details, DateOnly birthDate,
        CancellationToken cancellationToken) =>
        transaction.Command(
            """
            insert into duplicate_reviews (id, person_id, similar_to, reason)
            select gen_random_uuid(), $1, p.id,
                   case when p.name = $2 and p.community_code = $4 then 'same_name_birth_date_community'
                        else 'same_initials_birth_date_street' end
            from persons p
            where p.id <> $1 and p.birth_date = $3 and p.status = 'active'
              and ((p.name = $2 and p.community_code = $4) or (p.name_initials = $5 and left(p.community_code, 9) = left($4, 9)))
            """, id, details.Name, birthDate, details.CommunityCode, PinyinInitials.Of(details.Name)).ExecuteAsync(cancellationToken);
}

public static class RegisterPerson
{
    public static RouteGroupBuilder MapRegisterPerson(this RouteGroupBuilder persons)
    {
        persons.MapPost("/", HandleAsync)
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("登记残疾人 Register a disabled resident; probable duplicates are flagged for review");
        return persons;
    }

    public static Task<Results<Created<PersonView>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>, ForbidHttpResult>> HandleAsync(
        RegisterPersonRequest request, HttpContext http, PersonRegistration registration, PersonalDataProtector protector,
        CancellationToken cancellationToken) =>
        Actor.From(http).ThenAsync(actor => registration.RegisterAsync(request, actor, cancellationToken))
            .ToHttp(person => TypedResults.Created($"/persons/{person.Id}", person.View(protector, Disclosure.Masked)));
}
