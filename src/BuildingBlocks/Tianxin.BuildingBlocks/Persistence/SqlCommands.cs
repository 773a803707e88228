using Npgsql;

namespace Tianxin.BuildingBlocks.Persistence;

/// <summary>Positional-parameter commands ($1, $2 …) without the ceremony: null becomes SQL NULL.</summary>
public static class SqlCommands
{
    public static NpgsqlCommand Command(this NpgsqlTransaction transaction, string sql, params object?[] values) =>
        WithValues(new NpgsqlCommand(sql, transaction.Connection, transaction), values);

    public static NpgsqlCommand Command(this NpgsqlDataSource dataSource, string sql, params object?[] values) =>
        WithValues(dataSource.CreateCommand(sql), values);

    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken)
    {
        await using (command)
        {
            var rows = new List<T>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(map(reader));
            }
            return rows;
        }
    }

    public static async Task<T?> ReadFirstOrDefaultAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> map,
        CancellationToken cancellationToken) where T : class =>
        (await command.ReadAllAsync(map, cancellationToken)).FirstOrDefault();

    public static async Task<int> ExecuteAsync(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The first column of the first row; SQL NULL is null for a nullable <typeparamref name="T"/> and refused for any other.</summary>
    public static async Task<T> ScalarAsync<T>(this NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using (command)
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is DBNull && default(T) is null ? default! : (T)value!;
        }
    }

    /// <summary>A column by name, so that adding a column to a query never renumbers its readers.</summary>
    public static T Get<T>(this NpgsqlDataReader reader, string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));

    public static string? NullableString(this NpgsqlDataReader reader, string column) =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static T? Nullable<T>(this NpgsqlDataReader reader, string column) where T : struct =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    public static T[]? NullableArray<T>(this NpgsqlDataReader reader, string column) =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T[]>(ordinal);

    /// <summary>A smallint[] column (categories, grades) as ints, or null.</summary>
    public static int[]? NullableInts(this NpgsqlDataReader reader, string column) =>
        reader.GetOrdinal(column) is var ordinal && reader.IsDBNull(ordinal)
            ? null
            : reader.GetFieldValue<short[]>(ordinal).Select(value => (int)value).ToArray();

    private static NpgsqlCommand WithValues(NpgsqlCommand command, object?[] values)
    {
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value ?? DBNull.Value);
        }
        return command;
    }
}
