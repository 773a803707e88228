using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Contracts.Registry;

namespace Tianxin.Registry.Features.Certificates;

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
