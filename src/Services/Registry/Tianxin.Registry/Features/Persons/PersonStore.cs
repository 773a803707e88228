using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Registry.Features.Persons;

public sealed record CertificateRow(Guid Id, int Category, int Grade, DateOnly IssuedOn, DateOnly ValidUntil, string Status);

public sealed record PersonRow(
    Guid Id, byte[] IdNumberCipher, string Name, string Sex, DateOnly BirthDate, string? Phone, string? Address,
    string CommunityCode, string Status, DateOnly? ClosedOn, string? ClosedReason, int Version, CertificateRow? Certificate,
    Guid? HouseholdId, string[] HouseholdFlags, Guid[] PossibleDuplicateOf)
{
    /// <summary>Authenticated with the ciphertext, so an ID number cannot be moved into another column.</summary>
    public const string IdNumberPurpose = "person.id_number";
}

/// <summary>Every read goes through the caller's area: a person outside it does not exist for them.</summary>
public sealed class PersonStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A person with their valid certificate, household flags and the open duplicate reviews naming a person of the
    /// caller's area (<paramref name="scopePattern"/>: the query parameter holding the area's pattern); the others are
    /// another area's to review.
    /// </summary>
    public static string Select(string scopePattern) =>
        $"""
        select p.id, p.id_number_cipher, p.name, p.sex, p.birth_date, p.phone, p.address, p.community_code, p.status,
               p.closed_on, p.closed_reason, p.version,
               c.id as certificate_id, c.category, c.grade, c.issued_on, c.valid_until, c.status as certificate_status,
               p.household_id, p.household_flags,
               array(select d.similar_to from duplicate_reviews d join persons s on s.id = d.similar_to
                     where d.person_id = p.id and d.decision is null and s.community_code like {scopePattern}) as similar_to
        from persons p
        left join certificates c on c.person_id = p.id and c.status = 'valid'
        """;

    public Task<PersonRow?> FindAsync(Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select("$2")} where p.id = $1 and p.community_code like $2", id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public Task<PersonRow?> FindByIdNumberAsync(byte[] blindIndex, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select("$2")} where p.id_number_index = $1 and p.community_code like $2", blindIndex, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    public async Task<bool> IsCommunityAsync(string code, CancellationToken cancellationToken) =>
        await dataSource.Command("select exists (select 1 from areas where code = $1 and level = 'community')", code)
            .ScalarAsync<bool>(cancellationToken);

    public static PersonRow Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<byte[]>("id_number_cipher"), reader.Get<string>("name"), reader.Get<string>("sex"),
            reader.Get<DateOnly>("birth_date"), reader.NullableString("phone"), reader.NullableString("address"), reader.Get<string>("community_code"),
            reader.Get<string>("status"), reader.Nullable<DateOnly>("closed_on"), reader.NullableString("closed_reason"), reader.Get<int>("version"),
            reader.Nullable<Guid>("certificate_id") is { } certificate
                ? new CertificateRow(certificate, reader.Get<short>("category"), reader.Get<short>("grade"), reader.Get<DateOnly>("issued_on"),
                    reader.Get<DateOnly>("valid_until"), reader.Get<string>("certificate_status"))
                : null,
            reader.Nullable<Guid>("household_id"), reader.Get<string[]>("household_flags"), reader.Get<Guid[]>("similar_to"));
}
