using Tianxin.BuildingBlocks.PersonalData;

namespace Tianxin.Registry.Features.Certificates;

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

/// <summary>
/// A second-generation certificate number (第二代残疾人证): the holder's 18-character ID number, then the
/// category digit (1–7), then the grade digit (1–4). Re-assessment changes the number.
/// </summary>
public sealed record CertificateNumber(ResidentIdNumber IdNumber, int Category, int Grade)
{
    public string Value => Format(IdNumber.Value, Category, Grade);

    public static string Format(string idNumber, int category, int grade) => $"{idNumber}{category}{grade}";

    /// <returns>The number, or null and why not.</returns>
    public static (CertificateNumber? Number, string? Error) Parse(string? input, TimeProvider clock)
    {
        var value = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length != 20)
        {
            return (null, "残疾人证号为20位：身份证号加类别和等级 / A certificate number is 20 characters: the ID number, category and grade.");
        }
        var idNumber = ResidentIdNumber.Parse(value[..18], clock);
        if (!idNumber.IsValid)
        {
            return (null, idNumber.Message);
        }
        var (category, grade) = (value[18] - '0', value[19] - '0');
        if (!DisabilityCategories.IsCategory(category) || !DisabilityCategories.IsGrade(grade))
        {
            return (null, "残疾类别应为1至7，等级应为1至4 / The category digit is 1 to 7 and the grade digit 1 to 4.");
        }
        return (new CertificateNumber(idNumber.Number!, category, grade), null);
    }
}
