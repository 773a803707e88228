using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;

namespace Tianxin.Relief.Features.Contributions;

/// <param name="Insurance">pension or medical.</param>
/// <param name="Year">The year whose rule this is: a year without its own rule uses the latest earlier year's (or the first ever).</param>
public sealed record ContributionRule(string Insurance, int Year, decimal Amount, IReadOnlyList<int> Grades, IReadOnlyList<string> Statuses, int MinAge,
    int? MaxAge, string Source)
{
    public static readonly string[] Insurances = ["pension", "medical"];

    /// <summary>The relief programme (budget line) the contributions of an insurance are paid from.</summary>
    public static string ProgrammeOf(string insurance) => insurance + "_contribution";

    /// <summary>An active holder of a covered grade or household status, of an age reached in the year within the rule's.</summary>
    public bool Covers(PersonFacts person, int year)
    {
        var age = year - person.BirthDate.Year;
        return person is { Status: "active", Grade: { } grade }
               && (Grades.Contains(grade) || person.HouseholdFlags.Any(Statuses.Contains))
               && age >= MinAge && (MaxAge is null || age <= MaxAge);
    }

    public static Task<ContributionRule?> ForYearAsync(NpgsqlDataSource dataSource, string insurance, int year, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select insurance, year, amount, grades, statuses, min_age, max_age, source from contribution_rules
                where insurance = $1 order by (year <= $2) desc, case when year <= $2 then -year else year end limit 1
                """, insurance, year)
            .ReadFirstOrDefaultAsync(r => new ContributionRule(r.GetString(0), r.GetInt32(1), r.GetDecimal(2), r.GetFieldValue<int[]>(3),
                r.GetFieldValue<string[]>(4), r.GetInt32(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetString(7)), cancellationToken);
}
