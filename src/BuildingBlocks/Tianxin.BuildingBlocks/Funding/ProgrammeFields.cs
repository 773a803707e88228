using System.Text.RegularExpressions;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.BuildingBlocks.Funding;

/// <summary>What every programme with a budget line must give, checked alike in every service: its code, year, name and budget.</summary>
public static partial class ProgrammeFields
{
    public const decimal MaxBudget = 1_000_000_000m;

    /// <summary>Adds a field error to <paramref name="errors"/> for each of the four that is missing or wrong.</summary>
    public static void Check(string? code, int? year, string? name, decimal? budget, IDictionary<string, string[]> errors)
    {
        if (code is null || !Code().IsMatch(code.Trim()))
        {
            errors["code"] = ["项目代码为2至40位小写字母、数字或下划线 / A code is 2 to 40 lower-case letters, digits or underscores."];
        }
        if (year is not (>= 2000 and <= 2100))
        {
            errors["year"] = ["年度应为2000至2100 / The year is 2000 to 2100."];
        }
        if (string.IsNullOrWhiteSpace(name) || !PlainText.IsValid(name.Trim(), 100))
        {
            errors["name"] = ["请填写项目名称（不超过100字） / Give a name of at most 100 characters."];
        }
        Yuan.Check(budget, "budget", errors, MaxBudget);
    }

    [GeneratedRegex("^[a-z0-9_]{2,40}$")]
    private static partial Regex Code();
}
