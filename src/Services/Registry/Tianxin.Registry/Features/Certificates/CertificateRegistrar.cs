using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Certificates;

/// <param name="ValidUntil">Defaults to ten years after the day of issue or assessment.</param>
public sealed record CertificateRequest(int? Category, int? Grade, DateOnly? On, DateOnly? ValidUntil);

/// <summary>
/// Issue, re-assess, revoke and expire certificates. A person holds at most one valid certificate (a
/// partial unique index makes it so even under concurrent requests); history is kept as rows.
/// </summary>
public sealed class CertificateRegistrar(NpgsqlDataSource dataSource, PersonStore store, RegistryChanges changes)
{
    public const string InvalidTitle = "残疾人证信息有误 / The certificate has errors";

    public async Task<Outcome<PersonRow>> IssueAsync(Guid personId, CertificateRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(personId, actor.Scope, cancellationToken) is not { } person)
        {
            return RegistryFailures.NoSuchPerson;
        }
        if (Validate(request, person) is { Count: > 0 } errors)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (person.Status != "active")
        {
            return RegistryFailures.Closed;
        }
        if (person.Certificate is not null)
        {
            return new Failure.Conflict("已持有有效残疾人证 / This person already holds a valid certificate",
                "Re-assess the valid certificate to change its category or grade, or revoke it first.");
        }
        try
        {
            var issued = await changes.RunAsync(async transaction =>
            {
                var (status, household) = await changes.LockWithHouseholdAsync(transaction, personId, cancellationToken);
                if (status != "active")
                {
                    return false;
                }
                var id = await InsertAsync(transaction, personId, request, actor, cancellationToken);
                await RecordAsync(transaction, id, personId, household, "issued", request, actor, cancellationToken);
                return true;
            }, cancellationToken);
            if (!issued)
            {
                return RegistryFailures.Closed;
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "certificates_one_valid")
        {
            return new Failure.Conflict("已持有有效残疾人证 / This person already holds a valid certificate",
                "Another certificate was issued at the same moment.");
        }
        return await DoneAsync(personId, actor, cancellationToken);
    }

    public async Task<Outcome<PersonRow>> ReassessAsync(Guid certificateId, CertificateRequest request, Actor actor, CancellationToken cancellationToken)
    {
        if (await HolderAsync(certificateId, actor, cancellationToken) is not { } person)
        {
            return RegistryFailures.NoSuchPerson;
        }
        if (Validate(request, person) is { Count: > 0 } errors)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (person.Certificate?.Id != certificateId)
        {
            return NotValid;
        }
        if (request.On < person.Certificate.IssuedOn)
        {
            return Failure.Field("on", "评定日期不能早于原证发证日期 / The assessment cannot be before the certificate was issued.", InvalidTitle);
        }
        var superseded = await changes.RunAsync(async transaction =>
        {
            var (status, household) = await changes.LockWithHouseholdAsync(transaction, person.Id, cancellationToken);
            if (status != "active" || await EndAsync(transaction, certificateId, "superseded", request.On!.Value, "reassessed", cancellationToken) == 0)
            {
                return false;
            }
            var id = await InsertAsync(transaction, person.Id, request, actor, cancellationToken);
            await RecordAsync(transaction, id, person.Id, household, "reassessed", request, actor, cancellationToken);
            return true;
        }, cancellationToken);
        return superseded
            ? await DoneAsync(person.Id, actor, cancellationToken)
            : NotValid;
    }

    /// <param name="reason">Why, in words (e.g. 复查不符合残疾标准).</param>
    public async Task<Outcome<PersonRow>> RevokeAsync(Guid certificateId, string? reason, DateOnly? on, Actor actor, CancellationToken cancellationToken)
    {
        if (await HolderAsync(certificateId, actor, cancellationToken) is not { } person)
        {
            return RegistryFailures.NoSuchPerson;
        }
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(reason) || !PlainText.IsValid(reason, 200))
        {
            errors["reason"] = ["请填写注销原因（不超过200字） / Give the reason, in at most 200 characters."];
        }
        if (on is not { } day || day > changes.Today || (person.Certificate is { } valid && day < valid.IssuedOn))
        {
            errors["on"] = ["日期应在发证之后、今天之前 / The date is between the day of issue and today."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var revoked = await changes.RunAsync(async transaction =>
        {
            var (_, household) = await changes.LockWithHouseholdAsync(transaction, person.Id, cancellationToken);
            if (await EndAsync(transaction, certificateId, "revoked", on!.Value, reason!.Trim(), cancellationToken) == 0)
            {
                return false;
            }
            await RecordAsync(transaction, certificateId, person.Id, household, "revoked", null, actor, cancellationToken);
            return true;
        }, cancellationToken);
        return revoked ? await DoneAsync(person.Id, actor, cancellationToken) : NotValid;
    }

    /// <summary>Ends every valid certificate whose validity ran out before today, each with its event.</summary>
    /// <returns>How many expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var due = await dataSource.Command(
                "select id, person_id from certificates where status = 'valid' and valid_until < china_today() order by valid_until")
            .ReadAllAsync(reader => (Id: reader.Get<Guid>("id"), PersonId: reader.Get<Guid>("person_id")), cancellationToken);
        var expired = 0;
        foreach (var (id, personId) in due)
        {
            expired += await changes.RunAsync(async transaction =>
            {
                var (_, household) = await changes.LockWithHouseholdAsync(transaction, personId, cancellationToken);
                var ended = await transaction.Command(
                    """
                    update certificates set status = 'expired', ended_on = valid_until, ended_reason = 'expired'
                    where id = $1 and status = 'valid' and valid_until < china_today()
                    """, id).ExecuteAsync(cancellationToken);
                if (ended == 1)
                {
                    await RecordAsync(transaction, id, personId, household, "expired", null, null, cancellationToken);
                }
                return ended;
            }, cancellationToken);
        }
        return expired;
    }

    private Dictionary<string, string[]> Validate(CertificateRequest request, PersonRow person)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DisabilityCategories.IsCategory(request.Category))
        {
            errors["category"] = ["残疾类别应为1至7（1视力 2听力 3言语 4肢体 5智力 6精神 7多重） / The category is 1 to 7."];
        }
        if (!DisabilityCategories.IsGrade(request.Grade))
        {
            errors["grade"] = ["残疾等级应为1至4（1级最重） / The grade is 1 (most severe) to 4."];
        }
        if (request.On is not { } on || on > changes.Today || on < person.BirthDate)
        {
            errors["on"] = ["发证或评定日期应在出生之后、今天之前 / The day of issue or assessment is between the birth date and today."];
        }
        else if ((request.ValidUntil ?? on.AddYears(10)) is var until && (until <= on || until < changes.Today))
        {
            errors[request.ValidUntil is null ? "on" : "validUntil"] =
                ["有效期（默认发证后十年）应晚于发证日期且未过期 / The certificate (valid ten years unless stated) must still be valid today."];
        }
        return errors;
    }

    private async Task<PersonRow?> HolderAsync(Guid certificateId, Actor actor, CancellationToken cancellationToken)
    {
        var personId = await dataSource.Command("select person_id from certificates where id = $1", certificateId)
            .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
        return personId.Count == 0 ? null : await store.FindAsync(personId[0], actor.Scope, cancellationToken);
    }

    private static async Task<Guid> InsertAsync(NpgsqlTransaction transaction, Guid personId, CertificateRequest request, Actor actor,
        CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var on = request.On!.Value;
        await transaction.Command(
            "insert into certificates (id, person_id, category, grade, issued_on, valid_until, created_by) values ($1, $2, $3, $4, $5, $6, $7)",
            id, personId, (short)request.Category!.Value, (short)request.Grade!.Value, on, request.ValidUntil ?? on.AddYears(10), actor.Name)
            .ExecuteAsync(cancellationToken);
        return id;
    }

    private static Task<int> EndAsync(NpgsqlTransaction transaction, Guid certificateId, string status, DateOnly on, string reason,
        CancellationToken cancellationToken) =>
        transaction.Command(
            "update certificates set status = $2, ended_on = $3, ended_reason = $4 where id = $1 and status = 'valid'",
            certificateId, status, on, reason).ExecuteAsync(cancellationToken);

    /// <summary>History, then the event with the holder's facts and those of the rest of their household, and the actor's audit record.</summary>
    private async Task RecordAsync(NpgsqlTransaction transaction, Guid certificateId, Guid personId, IReadOnlyList<Guid> household,
        string change, CertificateRequest? request, Actor? actor, CancellationToken cancellationToken)
    {
        var certificate = await transaction.Command("select category, grade, coalesce(ended_on, issued_on) as effective_on from certificates where id = $1", certificateId)
            .ReadAllAsync(reader => (Category: (int)reader.Get<short>("category"), Grade: (int)reader.Get<short>("grade"), On: reader.Get<DateOnly>("effective_on")),
                cancellationToken);
        var (category, grade, on) = certificate[0];
        await changes.RecordHistoryAsync(transaction, personId, "certificate_" + change,
            new { certificateId, category, grade, on, validUntil = request?.ValidUntil }, actor?.Name ?? "system", cancellationToken);
        var facts = await changes.NewFactsAsync(transaction, [personId, .. household], cancellationToken);
        var ordered = facts.Where(f => f.PersonId == personId).Concat(facts.Where(f => f.PersonId != personId)).ToList();
        await changes.PublishAsync(transaction,
            new CertificateChanged(certificateId, personId, change, category, grade, on, ordered, changes.Now), cancellationToken);
        if (actor is not null)
        {
            await changes.AuditChangeAsync(transaction, actor, $"person:{personId}", "certificate_" + change, cancellationToken);
        }
    }

    private async Task<Outcome<PersonRow>> DoneAsync(Guid personId, Actor actor, CancellationToken cancellationToken) =>
        (await store.FindAsync(personId, actor.Scope, cancellationToken))!;

    private static Failure.Conflict NotValid { get; } = new("该残疾人证已不是有效证件 / This certificate is no longer valid",
        "It was re-assessed, revoked or expired; act on the holder's valid certificate.", "not_valid");
}
