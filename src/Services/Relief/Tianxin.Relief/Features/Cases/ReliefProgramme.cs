using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.Cases;

/// <summary>A relief programme of a year with its budget line (Funding) and limits, as data the district edits.</summary>
public sealed record ReliefProgramme(
    Guid Id, string Code, int Year, string Name, decimal PerCaseLimit, decimal PerPersonYearLimit, bool RegisteredPoorFirst,
    decimal Budget, decimal Committed, decimal Left)
{
    private const string Select =
        """
        select p.id, p.code, p.year, p.name, p.per_case_limit, p.per_person_year_limit, p.registered_poor_first, b.budget, b.committed
        from relief_programmes p join budget_lines b on b.id = p.id
        """;

    public static Task<ReliefProgramme?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<ReliefProgramme?> FindAsync(NpgsqlDataSource dataSource, string code, int year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.code = $1 and p.year = $2", code, year).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<ReliefProgramme>> ListAsync(NpgsqlDataSource dataSource, int? year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where $1::int is null or p.year = $1 order by p.year desc, p.code", year).ReadAllAsync(Read, cancellationToken);

    private static ReliefProgramme Read(NpgsqlDataReader reader)
    {
        var budget = reader.Get<decimal>("budget");
        var committed = reader.Get<decimal>("committed");
        return new(reader.Get<Guid>("id"), reader.Get<string>("code"), reader.Get<int>("year"), reader.Get<string>("name"),
            reader.Get<decimal>("per_case_limit"), reader.Get<decimal>("per_person_year_limit"), reader.Get<bool>("registered_poor_first"),
            budget, committed, budget - committed);
    }
}
