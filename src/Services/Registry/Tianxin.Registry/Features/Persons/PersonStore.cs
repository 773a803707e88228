using Npgsql;
using Tianxin.BuildingBlocks.Areas;

namespace Tianxin.Registry.Features.Persons;

public sealed record PersonRow(
    Guid Id, byte[] IdNumberCipher, string Name, string Sex, DateOnly BirthDate, string? Phone, string? Address,
    string CommunityCode, string Status, int Version)
{
    /// <summary>Authenticated with the ciphertext, so an ID number cannot be moved into another column.</summary>
    public const string IdNumberPurpose = "person.id_number";
}

/// <summary>Every read goes through the caller's area: a person outside it does not exist for them.</summary>
public sealed class PersonStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "id, id_number_cipher, name, sex, birth_date, phone, address, community_code, status, version";

    public async Task<PersonRow?> FindAsync(Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from persons where id = $1 and community_code like $2",
            [id, scope.Area.LikePattern], cancellationToken)).SingleOrDefault();

    public async Task<PersonRow?> FindByIdNumberAsync(byte[] blindIndex, AreaScope scope, CancellationToken cancellationToken) =>
        (await QueryAsync($"select {Columns} from persons where id_number_index = $1 and community_code like $2",
            [blindIndex, scope.Area.LikePattern], cancellationToken)).SingleOrDefault();

    /// <param name="name">Part of the name, or null for everyone in the area.</param>
    public Task<IReadOnlyList<PersonRow>> SearchAsync(AreaScope scope, string? name, int page, int pageSize, CancellationToken cancellationToken) =>
        QueryAsync(
            $"""
            select {Columns} from persons
            where community_code like $1 and ($2::text is null or strpos(name, $2) > 0)
            order by name, id
            limit $3 offset $4
            """,
            [scope.Area.LikePattern, (object?)name ?? DBNull.Value, pageSize, (page - 1) * pageSize], cancellationToken);

    public async Task<bool> IsCommunityAsync(string code, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from areas where code = $1 and level = 'community')");
        command.Parameters.AddWithValue(code);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<IReadOnlyList<PersonRow>> QueryAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }
        var rows = new List<PersonRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new PersonRow(reader.GetGuid(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2), reader.GetString(3),
                reader.GetFieldValue<DateOnly>(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetInt32(9)));
        }
        return rows;
    }
}
