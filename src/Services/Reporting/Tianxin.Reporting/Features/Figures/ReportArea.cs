using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Reporting.Features.Figures;

/// <summary>The area a caller asks figures for: their own by default, or a part of it.</summary>
public static class ReportArea
{
    /// <returns>Null when the code is not an area, or lies outside the caller's.</returns>
    public static AreaScope? Within(AreaScope caller, string? asked) =>
        string.IsNullOrEmpty(asked) ? caller
        : AreaCode.TryParse(asked) is { } area && caller.Area.Covers(area) ? new AreaScope(area)
        : null;

    public static Failure.Invalid Outside { get; } =
        Failure.Field("area", "辖区代码无效或不在您的辖区内 / The area code is invalid or outside your area.");
}
