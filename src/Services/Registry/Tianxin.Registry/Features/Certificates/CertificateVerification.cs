using System.Security.Claims;
using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Certificates;

public sealed record ValidCertificate(int Category, int Grade, Guid PersonId);

/// <param name="Error">The number is malformed: nothing was looked up.</param>
/// <param name="Throttled">The caller had too many numbers refused within the hour: nothing was looked up.</param>
public sealed record VerificationAnswer(ValidCertificate? Valid, string? Error = null, bool Throttled = false);

public sealed class CertificateVerificationOptions
{
    /// <summary>
    /// Numbers a partner may have refused within an hour before further checks wait. A holder's category and grade are
    /// 28 guesses of an ID number's last two digits; a partner checking the certificates it is shown needs few refusals.
    /// </summary>
    public int RefusedPerHour { get; set; } = 20;
}

/// <summary>
/// Answers a partner holding a certificate: is this number valid today, with what category and grade.
/// Nothing else about the holder leaves; every check is audited, and a partner whose numbers are refused
/// too often within an hour is told to wait, so that guessing a holder's category and grade does not pay.
/// </summary>
public sealed class CertificateVerification(
    NpgsqlDataSource dataSource, PersonalDataProtector protector, AuditTrail audit, IOptions<CertificateVerificationOptions> options, TimeProvider clock)
{
    public const string NotValid = "not_valid", Throttled = "throttled";

    /// <param name="purpose">verify_certificate or resolve_certificate, as the audit log records it.</param>
    public async Task<VerificationAnswer> VerifyAsync(string? certificateNumber, string purpose, ClaimsPrincipal caller,
        string? clientAddress, CancellationToken cancellationToken)
    {
        var (number, error) = CertificateNumber.Parse(certificateNumber, clock);
        if (number is null)
        {
            return new(null, error);
        }
        var actor = Callers.NameOf(caller) ?? "anonymous";
        // One check of a partner's at a time, the count, the look-up and its audit record together: a burst of guesses
        // sent at once would otherwise all pass the count before any of them is recorded.
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var oneAtATime = await connection.BeginTransactionAsync(cancellationToken);
        await oneAtATime.Command("select pg_advisory_xact_lock(hashtextextended($1, 0))", "certificate-verification:" + actor)
            .ExecuteAsync(cancellationToken);
        if (await RefusedWithinHourAsync(actor, cancellationToken) >= options.Value.RefusedPerHour)
        {
            await audit.RecordAsync(actor, caller, clientAddress, new AuditEvent(AuditActions.PersonalDataRead, "certificate:unknown", Throttled, purpose),
                cancellationToken);
            return new(null, Throttled: true);
        }
        var found = await dataSource.Command(
                """
                select p.id, c.category, c.grade from persons p
                left join certificates c on c.person_id = p.id and c.status = 'valid' and c.valid_until >= china_today()
                where p.id_number_index = $1 and p.status = 'active'
                """, protector.BlindIndex(number.IdNumber.Value, PersonRow.IdNumberPurpose))
            .ReadAllAsync(reader => (PersonId: reader.Get<Guid>("id"), Category: reader.Nullable<short>("category"), Grade: reader.Nullable<short>("grade")),
                cancellationToken);
        var valid = found is [var holder] && holder.Category == number.Category && holder.Grade == number.Grade
            ? new ValidCertificate(number.Category, number.Grade, holder.PersonId)
            : null;
        await audit.RecordAsync(actor, caller, clientAddress,
            new AuditEvent(AuditActions.PersonalDataRead, found is [var person] ? $"person:{person.PersonId}" : "certificate:unknown",
                valid is null ? NotValid : "valid", purpose), cancellationToken);
        return new(valid);
    }

    /// <summary>Counted from the audit trail, so that every instance of the service and a restart see the same count.</summary>
    private async Task<long> RefusedWithinHourAsync(string actor, CancellationToken cancellationToken) =>
        await dataSource.Command(
                """
                select count(*) from (select 1 from audit_events
                                      where actor = $1 and occurred_at > now() - interval '1 hour' and action = $2 and outcome = $3 limit $4) refused
                """, actor, AuditActions.PersonalDataRead, NotValid, options.Value.RefusedPerHour)
            .ScalarAsync<long>(cancellationToken);
}
