namespace Tianxin.Contracts.Registry;

/// <summary>Disability categories (残疾类别) as the certificate number's 19th digit.</summary>
public static class DisabilityCategories
{
    public static IReadOnlyDictionary<int, string> Names { get; } = new Dictionary<int, string>
    {
        [1] = "视力残疾 visual",
        [2] = "听力残疾 hearing",
        [3] = "言语残疾 speech",
        [4] = "肢体残疾 physical",
        [5] = "智力残疾 intellectual",
        [6] = "精神残疾 mental",
        [7] = "多重残疾 multiple",
    };

    public static bool IsCategory(int? category) => category is >= 1 and <= 7;

    public static bool IsGrade(int? grade) => grade is >= 1 and <= 4;

    /// <summary>Grades 1 and 2 are "severe" (重度) in every programme's rules.</summary>
    public static bool IsSevere(int grade) => grade <= 2;
}
