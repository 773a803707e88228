using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Employers;

/// <summary>The year's quota-employment rules (quota_rules), as the district enters them.</summary>
public sealed record QuotaRule(
    int Year, decimal Rate, int SevereWeight, int ExemptHeadcountMax, decimal LocalAverageWage, decimal WageCapMultiple, decimal ConcentratedShare,
    int ConcentratedMin)
{
    private const string Columns =
        "year, rate, severe_weight, exempt_headcount_max, local_average_wage, wage_cap_multiple, concentrated_share, concentrated_min";

    /// <summary>The year's rules, or the latest earlier year's until the district enters new ones.</summary>
    public static Task<QuotaRule?> InForceAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from quota_rules where year <= $1 order by year desc limit 1", year)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);

    private static QuotaRule Read(NpgsqlDataReader reader) =>
        new(reader.Get<int>("year"), reader.Get<decimal>("rate"), reader.Get<int>("severe_weight"), reader.Get<int>("exempt_headcount_max"),
            reader.Get<decimal>("local_average_wage"), reader.Get<decimal>("wage_cap_multiple"), reader.Get<decimal>("concentrated_share"),
            reader.Get<int>("concentrated_min"));
}
