using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.Subsidies;

/// <summary>One subsidy's rules for one year, as the district keeps them (subsidy_rules).</summary>
/// <param name="Grades">Grades that qualify; null for any certificate holder.</param>
/// <param name="ExtendedCategories">Categories that also qualify at <paramref name="ExtendedGrades"/> (Hunan's extension to intellectual and mental disability).</param>
/// <param name="RequiredStatuses">Household statuses of which one must be in force (低保 for the living subsidy).</param>
/// <param name="ExcludedBy">Benefits or household statuses with which the subsidy is not paid.</param>
/// <param name="HigherOnlyWith">Benefits with which only the higher amount is paid.</param>
public sealed record SubsidyRule(
    string Subsidy, int Year, decimal MonthlyAmount, short[]? Grades, short[] ExtendedCategories, short[] ExtendedGrades,
    string[] RequiredStatuses, string[] ExcludedBy, string[] HigherOnlyWith)
{
    private const string Columns =
        "subsidy, year, monthly_amount, grades, extended_categories, extended_grades, required_statuses, excluded_by, higher_only_with";

    public string Describe() => Subsidy switch
    {
        TwoSubsidies.Care => $"{Year} 重度残疾人护理补贴：残疾等级 {string.Join("、", Grades ?? [])} 级" +
            (ExtendedCategories.Length > 0 ? $"，及类别 {string.Join("、", ExtendedCategories)} 的 {string.Join("、", ExtendedGrades)} 级" : ""),
        _ => $"{Year} 困难残疾人生活补贴：持证且家庭为 {string.Join("、", RequiredStatuses)}",
    };

    public static Task<List<SubsidyRule>> ForYearAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from subsidy_rules where year = $1 order by subsidy", year).ReadAllAsync(Read, cancellationToken);

    /// <summary>Each subsidy's rule of that year or, until the district sets it, of the latest year before.</summary>
    public static Task<List<SubsidyRule>> InForceAsync(NpgsqlTransaction transaction, int year, CancellationToken cancellationToken) =>
        transaction.Command($"select distinct on (subsidy) {Columns} from subsidy_rules where year <= $1 order by subsidy, year desc", year)
            .ReadAllAsync(Read, cancellationToken);

    public static Task<SubsidyRule?> FindAsync(NpgsqlDataSource dataSource, string subsidy, int year, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from subsidy_rules where subsidy = $1 and year = $2", subsidy, year)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    private static SubsidyRule Read(NpgsqlDataReader reader) =>
        new(reader.Get<string>("subsidy"), reader.Get<int>("year"), reader.Get<decimal>("monthly_amount"), reader.NullableArray<short>("grades"),
            reader.Get<short[]>("extended_categories"), reader.Get<short[]>("extended_grades"), reader.Get<string[]>("required_statuses"),
            reader.Get<string[]>("excluded_by"), reader.Get<string[]>("higher_only_with"));
}
