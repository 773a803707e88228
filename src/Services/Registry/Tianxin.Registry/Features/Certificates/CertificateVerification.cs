using System.Security.Claims;
using Npgsql;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Certificates;

public sealed record ValidCertificate(int Category, int Grade, Guid PersonId);

/// <summary>
/// Answers a partner holding a certificate: is this number valid today, with what category and grade.
/// Nothing else about the holder leaves; every check is audited.
/// </summary>
public sealed class CertificateVerification(NpgsqlDataSource dataSource, PersonalDataProtector protector, AuditTrail audit, TimeProvider clock)
{
    /// <param name="purpose">verify_certificate or resolve_certificate, as the audit log records it.</param>
    public async Task<(ValidCertificate? Valid, string? Error)> VerifyAsync(string? certificateNumber, string purpose, ClaimsPrincipal caller,
        string? clientAddress, CancellationToken cancellationToken)
    {
        var (number, error) = CertificateNumber.Parse(certificateNumber, clock);
        if (number is null)
        {
            return (null, error);
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
        await audit.RecordAsync(Callers.NameOf(caller) ?? "anonymous", caller, clientAddress,
            new AuditEvent(AuditActions.PersonalDataRead, found is [var person] ? $"person:{person.PersonId}" : "certificate:unknown",
                valid is null ? "not_valid" : "valid", purpose), cancellationToken);
        return (valid, null);
    }
}
