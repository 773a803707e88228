using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Payments;

/// <summary>An individual-payment programme of a year with its budget line (Funding) and standard, as data the district edits.</summary>
/// <param name="Code">employment_relief (就业救助), pension_subsidy (养老保险补贴), accident_insurance (意外伤害保险), startup_grant (创业补贴),
/// startup_household (创业户补贴), self_employed_pension (个体户养老补贴), wheelchair_fuel (燃油补贴) …</param>
/// <param name="PeriodKind">year (once per person in the year), month (once per person and month) or household (once per household in the year).</param>
public sealed record PaymentProgramme(
    Guid Id, string Code, int Year, string Name, decimal MaxAmount, string PeriodKind, decimal Budget, decimal Committed, decimal Left)
{
    private const string Select =
        """
        select p.id, p.code, p.year, p.name, p.max_amount, p.period_kind, b.budget, b.committed
        from payment_programmes p join budget_lines b on b.id = p.id
        """;

    public static Task<PaymentProgramme?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<PaymentProgramme?> FindByCodeAsync(NpgsqlDataSource dataSource, string code, int year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.code = $1 and p.year = $2", code, year).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<PaymentProgramme>> ListAsync(NpgsqlDataSource dataSource, int? year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where $1::int is null or p.year = $1 order by p.year desc, p.code", year).ReadAllAsync(Read, cancellationToken);

    private static PaymentProgramme Read(NpgsqlDataReader reader)
    {
        var budget = reader.Get<decimal>("budget");
        var committed = reader.Get<decimal>("committed");
        return new(reader.Get<Guid>("id"), reader.Get<string>("code"), reader.Get<int>("year"), reader.Get<string>("name"),
            reader.Get<decimal>("max_amount"), reader.Get<string>("period_kind"), budget, committed, budget - committed);
    }
}
