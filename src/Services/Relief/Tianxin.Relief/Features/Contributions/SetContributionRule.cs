using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;

namespace Tianxin.Relief.Features.Contributions;

/// <param name="Grades">Severe grades covered whatever the household (e.g. 1, 2).</param>
/// <param name="Statuses">Household statuses covered whatever the grade (registered_poor, minimum_living, extreme_poverty).</param>
public sealed record ContributionRuleRequest(decimal? Amount, IReadOnlyList<int>? Grades, IReadOnlyList<string>? Statuses, int? MinAge, int? MaxAge,
    string? Source);

/// <summary>The district sets who is covered and how much for an insurance in a year.</summary>
public sealed class SetContributionRule(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<ContributionRule>> HandleAsync(string insurance, int year, ContributionRuleRequest request, string by,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (!ContributionRule.Insurances.Contains(insurance))
        {
            errors["insurance"] = ["险种为 pension（养老保险）或 medical（医疗保险） / The insurance is pension or medical."];
        }
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["年度为2000至2100年 / A year from 2000 to 2100."];
        }
        var amount = Yuan.Check(request.Amount, "amount", errors, 100_000m, positive: true);
        var grades = request.Grades ?? [];
        if (grades.Any(grade => grade is < 1 or > 4))
        {
            errors["grades"] = ["等级为1至4 / Grades are 1 to 4."];
        }
        var statuses = request.Statuses ?? [];
        if (statuses.Any(status => !HouseholdStatuses.All.Contains(status)))
        {
            errors["statuses"] = [$"家庭状态为 {string.Join("、", HouseholdStatuses.All)} / Household statuses are {string.Join(", ", HouseholdStatuses.All)}."];
        }
        if (grades.Count == 0 && statuses.Count == 0)
        {
            errors["grades"] = ["至少写明一个等级或家庭状态 / Name at least one grade or household status."];
        }
        if (request.MinAge is not (>= 0 and <= 120) || request.MaxAge is { } max && (max < request.MinAge || max > 120))
        {
            errors["minAge"] = ["年龄范围为0至120岁，下限不高于上限 / Ages from 0 to 120, the lower not above the upper."];
        }
        if (string.IsNullOrWhiteSpace(request.Source) || !PlainText.IsValid(request.Source.Trim(), 200))
        {
            errors["source"] = ["请写明依据文件（不超过200字） / Name the notice, in at most 200 characters."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "缴费资助标准有误 / The contribution rule has errors");
        }
        var rule = new ContributionRule(insurance, year, amount!.Value.Amount, [.. grades.Distinct().Order()], [.. statuses.Distinct()], request.MinAge!.Value,
            request.MaxAge, request.Source!.Trim());
        await dataSource.Command(
            """
            insert into contribution_rules (insurance, year, amount, grades, statuses, min_age, max_age, source, updated_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (insurance, year) do update set amount = excluded.amount, grades = excluded.grades, statuses = excluded.statuses,
                min_age = excluded.min_age, max_age = excluded.max_age, source = excluded.source, updated_by = excluded.updated_by
            """, insurance, year, rule.Amount, rule.Grades.ToArray(), rule.Statuses.ToArray(), rule.MinAge, rule.MaxAge, rule.Source, by)
            .ExecuteAsync(cancellationToken);
        return rule;
    }
}
