using System.Text.RegularExpressions;

namespace Tianxin.BuildingBlocks.PersonalData;

/// <summary>
/// A column of values protected by <see cref="PersonalDataProtector"/> for one purpose, in a table keyed by a uuid
/// <c>id</c>. A service lists every such column, so that a new key re-encrypts all of them and the old key can go.
/// </summary>
public sealed partial record EncryptedColumn
{
    /// <param name="rowsPerBatch">How many values key rotation reads at once: fewer for large values (whole files).</param>
    public EncryptedColumn(string table, string column, string purpose, int rowsPerBatch = 500)
    {
        // The names are written into SQL, so only plain identifiers from the code are accepted.
        Table = Identifier().IsMatch(table) ? table : throw new ArgumentException($"'{table}' is not a plain table name.", nameof(table));
        Column = Identifier().IsMatch(column) ? column : throw new ArgumentException($"'{column}' is not a plain column name.", nameof(column));
        Purpose = purpose;
        RowsPerBatch = rowsPerBatch;
    }

    public string Table { get; }

    public string Column { get; }

    public string Purpose { get; }

    public int RowsPerBatch { get; }

    /// <summary>
    /// The id of the key a stored value names in its header (see <see cref="PersonalDataProtector"/>), or
    /// <see cref="Unreadable"/> for a value without one.
    /// </summary>
    internal string KeyIdSql =>
        $"case when octet_length({Column}) >= 2 and get_byte({Column}, 0) = 1 and octet_length({Column}) >= 2 + get_byte({Column}, 1) " +
        $"then convert_from(substring({Column} from 3 for get_byte({Column}, 1)), 'UTF8') else '{Unreadable}' end";

    internal const string Unreadable = "(no key named)";

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
