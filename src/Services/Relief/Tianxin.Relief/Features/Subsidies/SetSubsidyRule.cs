using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;

namespace Tianxin.Relief.Features.Subsidies;

public sealed record SubsidyRuleRequest(
    decimal? MonthlyAmount, int[]? Grades, int[]? ExtendedCategories, int[]? ExtendedGrades, string[]? RequiredStatuses, string[]? ExcludedBy,
    string[]? HigherOnlyWith);

/// <summary>The district sets a subsidy's rule for a year (a new year, or a changed amount): rules are data, not code.</summary>
public sealed class SetSubsidyRule(NpgsqlDataSource dataSource)
{
    private const string InvalidTitle = "补贴标准有误 / The subsidy rule has errors";
    private const decimal MaxMonthlyAmount = 10_000m;

    public async Task<Outcome<SubsidyRule>> HandleAsync(string subsidy, int year, SubsidyRuleRequest request, string changedBy,
        CancellationToken cancellationToken)
    {
        if (!TwoSubsidies.All.Contains(subsidy))
        {
            return Failure.Missing;
        }
        if (Validate(year, request) is { Count: > 0 } errors)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        await dataSource.Command(
            """
            insert into subsidy_rules (subsidy, year, monthly_amount, grades, extended_categories, extended_grades, required_statuses,
                                       excluded_by, higher_only_with, updated_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            on conflict (subsidy, year) do update
                set monthly_amount = excluded.monthly_amount, grades = excluded.grades, extended_categories = excluded.extended_categories,
                    extended_grades = excluded.extended_grades, required_statuses = excluded.required_statuses,
                    excluded_by = excluded.excluded_by, higher_only_with = excluded.higher_only_with,
                    updated_by = excluded.updated_by, updated_at = now()
            """, subsidy, year, request.MonthlyAmount, Shorts(request.Grades), Shorts(request.ExtendedCategories) ?? [],
            Shorts(request.ExtendedGrades) ?? [], request.RequiredStatuses ?? [], request.ExcludedBy ?? [], request.HigherOnlyWith ?? [],
            changedBy).ExecuteAsync(cancellationToken);
        return (await SubsidyRule.FindAsync(dataSource, subsidy, year, cancellationToken))!;
    }

    private static Dictionary<string, string[]> Validate(int year, SubsidyRuleRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < 2016 or > 2100)
        {
            errors["year"] = ["年度应为2016（两项补贴建立）至2100 / The year is 2016 (when the subsidies began) to 2100."];
        }
        Yuan.Check(request.MonthlyAmount, "monthlyAmount", errors, MaxMonthlyAmount, positive: true);
        if (request.Grades is { } grades && (grades.Length == 0 || grades.Any(g => g is < 1 or > 4)))
        {
            errors["grades"] = ["残疾等级为1至4 / Grades are 1 to 4."];
        }
        if (request.ExtendedCategories is { } categories && categories.Any(c => c is < 1 or > 7))
        {
            errors["extendedCategories"] = ["残疾类别为1至7 / Categories are 1 to 7."];
        }
        if (request.ExtendedGrades is { } extended && extended.Any(g => g is < 1 or > 4))
        {
            errors["extendedGrades"] = ["残疾等级为1至4 / Grades are 1 to 4."];
        }
        if (request.RequiredStatuses is { } statuses && statuses.Any(s => !HouseholdStatuses.All.Contains(s)))
        {
            errors["requiredStatuses"] = [$"家庭状态为 {string.Join("、", HouseholdStatuses.All)} / Unknown household status."];
        }
        var known = TwoSubsidies.OtherBenefits.Concat(HouseholdStatuses.All).ToList();
        foreach (var (field, values) in new[] { ("excludedBy", request.ExcludedBy), ("higherOnlyWith", request.HigherOnlyWith) })
        {
            if (values is not null && values.Any(v => !known.Contains(v)))
            {
                errors[field] = [$"应为 {string.Join("、", known)} / Unknown benefit or status."];
            }
        }
        return errors;
    }

    private static short[]? Shorts(int[]? values) => values?.Select(v => (short)v).ToArray();
}
