using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <summary>A rehabilitation programme of one year, with its budget line (the line's id is the programme's).</summary>
/// <param name="Categories">Disability categories covered (1–7), or null for all.</param>
/// <param name="RequiredStatuses">At least one of these household statuses is required, or null for none.</param>
/// <param name="Institutions">Client ids of the partner institutions contracted to deliver it.</param>
public sealed record Programme(
    Guid Id, string Code, int Year, string Name, int? MinAge, int? MaxAge, int[]? Categories, int[]? Grades, bool RequiresCertificate,
    string[]? RequiredStatuses, decimal AmountPerCase, decimal Budget, decimal Committed, decimal Spent, string[] Institutions, int Version)
{
    public decimal BudgetLeft => Budget - Committed;

    public const string Select =
        """
        select p.id, p.code, p.year, p.name, p.min_age, p.max_age, p.categories, p.grades, p.requires_certificate, p.required_statuses,
               p.amount_per_case, b.budget, b.committed, b.spent, p.institutions, p.version
        from programmes p join budget_lines b on b.id = p.id
        """;

    public static Programme Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("code"), reader.Get<int>("year"), reader.Get<string>("name"),
            reader.Nullable<int>("min_age"), reader.Nullable<int>("max_age"), reader.NullableInts("categories"), reader.NullableInts("grades"),
            reader.Get<bool>("requires_certificate"), reader.NullableArray<string>("required_statuses"),
            reader.Get<decimal>("amount_per_case"), reader.Get<decimal>("budget"), reader.Get<decimal>("committed"), reader.Get<decimal>("spent"),
            reader.Get<string[]>("institutions"), reader.Get<int>("version"));

    public static Task<Programme?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>A programme of that year which the partner institution is contracted to deliver.</summary>
    public static Task<Programme?> FindContractedAsync(NpgsqlDataSource dataSource, string code, int year, string institution,
        CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.code = $1 and p.year = $2 and $3 = any(p.institutions)", code, year, institution)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);
}
