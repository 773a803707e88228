namespace Tianxin.Relief.Features.Subsidies;

/// <summary>The two subsidies (两项补贴), which are also their programme codes in the payments ledger.</summary>
public static class TwoSubsidies
{
    /// <summary>困难残疾人生活补贴.</summary>
    public const string Living = "living_subsidy";
    /// <summary>重度残疾人护理补贴.</summary>
    public const string Care = "care_subsidy";

    public static IReadOnlyList<string> All { get; } = [Living, Care];

    /// <summary>Benefits from other schemes a person may declare, which rules name in excluded_by and higher_only_with.</summary>
    public static IReadOnlyList<string> OtherBenefits { get; } = ["orphan_allowance", "work_injury_care", "extreme_poverty_care", "elderly_care"];
}
