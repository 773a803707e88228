using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <param name="Categories">Disability categories covered (1–7), or null for all.</param>
/// <param name="RequiredStatuses">At least one of these household statuses is required, or null for none.</param>
/// <param name="Institutions">Client ids of the partner institutions contracted to deliver it.</param>
public sealed record Programme(
    Guid Id, string Code, int Year, string Name, int? MinAge, int? MaxAge, int[]? Categories, int[]? Grades, bool RequiresCertificate,
    string[]? RequiredStatuses, decimal AmountPerCase, decimal Budget, decimal Committed, decimal Spent, string[] Institutions, int Version)
{
    public decimal BudgetLeft => Budget - Committed;

    public const string Columns =
        """
        id, code, year, name, min_age, max_age, categories, grades, requires_certificate, required_statuses, amount_per_case, budget,
        committed, spent, institutions, version
        """;

    public static Programme Read(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.Nullable<int>(4), reader.Nullable<int>(5),
            reader.IsDBNull(6) ? null : reader.GetFieldValue<short[]>(6).Select(c => (int)c).ToArray(),
            reader.IsDBNull(7) ? null : reader.GetFieldValue<short[]>(7).Select(g => (int)g).ToArray(),
            reader.GetBoolean(8), reader.IsDBNull(9) ? null : reader.GetFieldValue<string[]>(9), reader.GetDecimal(10), reader.GetDecimal(11),
            reader.GetDecimal(12), reader.GetDecimal(13), reader.GetFieldValue<string[]>(14), reader.GetInt32(15));

    public static Task<Programme?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from programmes where id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);
}
