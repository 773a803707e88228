using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Employment.Features.Training;

/// <summary>What every training use case answers alike.</summary>
public static class TrainingRules
{
    public const string InvalidTitle = "培训信息有误 / The training record has errors";

    /// <summary>A school acts on its own courses only; another school's course is refused, whatever is asked.</summary>
    public static Failure.Forbidden NotYourCourse { get; } = new("该课程不属于本机构 / The course is another school's");
}
