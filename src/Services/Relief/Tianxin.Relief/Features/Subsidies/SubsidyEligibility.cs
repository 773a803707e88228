using Tianxin.Contracts.Registry;

namespace Tianxin.Relief.Features.Subsidies;

/// <summary>What a subsidy's rule needs to know about a person: the registry's facts, as an event carries them or the copy holds them.</summary>
public sealed record Holder(string Status, int? Category, int? Grade, IReadOnlyList<string> HouseholdFlags)
{
    public static Holder Of(EligibilityFacts facts) => new(facts.Status, facts.Category, facts.Grade, facts.HouseholdFlags);
}

/// <summary>Pure: whether a person qualifies for a subsidy under a year's rule, and why not.</summary>
public static class SubsidyEligibility
{
    /// <returns>The end reason codes of every rule not met; empty when the person qualifies.</returns>
    public static IReadOnlyList<string> Unmet(SubsidyRule rule, Holder holder)
    {
        if (holder.Status != "active")
        {
            return [holder.Status]; // deceased or moved_out
        }
        if (holder.Category is not { } category || holder.Grade is not { } grade)
        {
            return ["no_certificate"];
        }
        var unmet = new List<string>();
        var gradeQualifies = rule.Grades is not { } grades || grades.Contains((short)grade)
            || (rule.ExtendedCategories.Contains((short)category) && rule.ExtendedGrades.Contains((short)grade));
        if (!gradeQualifies)
        {
            unmet.Add("out_of_grade");
        }
        if (rule.RequiredStatuses.Length > 0 && !rule.RequiredStatuses.Any(holder.HouseholdFlags.Contains))
        {
            unmet.Add("household_status");
        }
        if (rule.ExcludedBy.FirstOrDefault(holder.HouseholdFlags.Contains) is not null)
        {
            unmet.Add("excluded");
        }
        return unmet;
    }

    /// <summary>A benefit declared at acceptance that the rule does not stack with, or one paying at least as much where only the higher is paid.</summary>
    public static string? ExcludingBenefit(SubsidyRule rule, IReadOnlyList<OtherBenefit> benefits) =>
        benefits.FirstOrDefault(b => rule.ExcludedBy.Contains(b.Kind))?.Kind
        ?? benefits.FirstOrDefault(b => rule.HigherOnlyWith.Contains(b.Kind) && (b.MonthlyAmount ?? decimal.MaxValue) >= rule.MonthlyAmount)?.Kind;
}

/// <param name="Kind">orphan_allowance, work_injury_care, extreme_poverty_care or elderly_care.</param>
/// <param name="MonthlyAmount">What it pays a month, where only the higher of the two is paid.</param>
public sealed record OtherBenefit(string Kind, decimal? MonthlyAmount);
