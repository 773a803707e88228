using System.Globalization;

namespace Tianxin.BuildingBlocks.PersonalData;

public enum Sex
{
    Female = 0,
    Male = 1,
}

/// <summary>
/// A resident identity number (居民身份证号码) under GB 11643-1999: a 6-digit region code, the 8-digit
/// birth date, a 3-digit sequence whose parity is the sex (odd: male), and an ISO 7064 MOD 11-2 check
/// character (0–9 or X). The check character catches every single-character error and every swap of
/// two adjacent characters.
/// </summary>
public sealed record ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private ResidentIdNumber(string value, DateOnly birthDate)
    {
        Value = value;
        BirthDate = birthDate;
    }

    /// <summary>The 18 characters, check character X upper-case.</summary>
    public string Value { get; }
    public string RegionCode => Value[..6];
    public DateOnly BirthDate { get; }
    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    public string Masked => Masking.IdNumber(Value);

    public override string ToString() => Masked;

    /// <summary>Birth dates after today in China (UTC+8, no daylight saving) are impossible.</summary>
    public static IdNumberCheck Parse(string? input, TimeProvider clock) =>
        Parse(input, clock.TodayInChina());

    /// <param name="today">Birth dates after this day are impossible.</param>
    public static IdNumberCheck Parse(string? input, DateOnly today)
    {
        var value = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length != 18)
        {
            return IdNumberCheck.Fail(IdNumberError.Length);
        }
        if (!value.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            return IdNumberCheck.Fail(IdNumberError.Characters);
        }
        if (value[0] == '0')
        {
            return IdNumberCheck.Fail(IdNumberError.Region);
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate))
        {
            return IdNumberCheck.Fail(IdNumberError.BirthDate);
        }
        if (birthDate < EarliestBirthDate || birthDate > today)
        {
            return IdNumberCheck.Fail(IdNumberError.BirthDateOutOfRange);
        }
        if (value[17] != CheckCharacterOf(value.AsSpan(0, 17)))
        {
            return IdNumberCheck.Fail(IdNumberError.CheckCharacter);
        }
        return new IdNumberCheck(new ResidentIdNumber(value, birthDate), null);
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharacterOf(ReadOnlySpan<char> seventeenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (seventeenDigits[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }
}

internal static class SpanDigits
{
    public static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}

public enum IdNumberError
{
    Length,
    Characters,
    Region,
    BirthDate,
    BirthDateOutOfRange,
    CheckCharacter,
}

/// <summary>The outcome of parsing: the number, or why it is not one (in zh-CN and English).</summary>
public sealed record IdNumberCheck(ResidentIdNumber? Number, IdNumberError? Error)
{
    public bool IsValid => Number is not null;

    public string Message => Error switch
    {
        null => string.Empty,
        IdNumberError.Length => "身份证号码应为18位 / An ID number has 18 characters.",
        IdNumberError.Characters => "身份证号码前17位应为数字，末位为数字或X / The first 17 characters must be digits, the last a digit or X.",
        IdNumberError.Region => "身份证号码的地区码无效 / The region code is not valid.",
        IdNumberError.BirthDate => "身份证号码中的出生日期不存在 / The birth date in the ID number does not exist.",
        IdNumberError.BirthDateOutOfRange => "身份证号码中的出生日期不可能（早于1900年或晚于今天） / The birth date is before 1900 or in the future.",
        IdNumberError.CheckCharacter => "身份证号码校验位不正确，请核对 / The check character does not match: a character is mistyped or two are swapped.",
        _ => throw new InvalidOperationException(),
    };

    internal static IdNumberCheck Fail(IdNumberError error) => new(null, error);
}
