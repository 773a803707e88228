using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Tianxin.BuildingBlocks.Text;

/// <summary>
/// First letters of the pinyin of a Chinese personal name (张三丰 → zsf), for searching names by initials.
/// Uses the Chinese (pinyin-ordered) collation of ICU, which .NET loads on Linux: every character sorts
/// between the first character of its initial letter and the first of the next. A character with several
/// readings gets the one the collation orders it by, except that a name's first character is read as the
/// surname it is (曾 zeng, not ceng).
/// </summary>
public static class PinyinInitials
{
    private static readonly CompareInfo Collation = CultureInfo.GetCultureInfo("zh-CN").CompareInfo;

    /// <summary>Collation is slow next to a lookup, and names reuse a few thousand characters.</summary>
    private static readonly ConcurrentDictionary<int, char?> Letters = new();

    /// <summary>The first character of each letter in pinyin collation order; no pinyin starts with i, u or v.</summary>
    private static readonly (string First, char Letter)[] Boundaries =
    [
        ("阿", 'a'), ("八", 'b'), ("嚓", 'c'), ("咑", 'd'), ("妸", 'e'), ("发", 'f'), ("旮", 'g'), ("哈", 'h'),
        ("丌", 'j'), ("咔", 'k'), ("垃", 'l'), ("呣", 'm'), ("拏", 'n'), ("噢", 'o'), ("妑", 'p'), ("七", 'q'),
        ("呥", 'r'), ("仨", 's'), ("他", 't'), ("屲", 'w'), ("夕", 'x'), ("丫", 'y'), ("帀", 'z'),
    ];

    /// <summary>Surnames whose everyday reading starts with another letter than the surname's.</summary>
    private static readonly Dictionary<Rune, char> SurnameReadings = new()
    {
        [new Rune('曾')] = 'z', [new Rune('单')] = 's', [new Rune('仇')] = 'q', [new Rune('解')] = 'x', [new Rune('区')] = 'o',
        [new Rune('查')] = 'z', [new Rune('覃')] = 'q', [new Rune('朴')] = 'p', [new Rune('尉')] = 'y', [new Rune('盖')] = 'g',
        [new Rune('乐')] = 'y', [new Rune('缪')] = 'm', [new Rune('翟')] = 'z', [new Rune('种')] = 'c', [new Rune('秘')] = 'b',
        [new Rune('长')] = 'c', [new Rune('沈')] = 's', [new Rune('宓')] = 'm', [new Rune('繁')] = 'p', [new Rune('员')] = 'y',
    };

    /// <returns>Lower-case initials; Latin letters and digits are kept, other characters (such as ·) dropped.</returns>
    public static string Of(string name)
    {
        var initials = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (initials.Length == 0 && SurnameReadings.TryGetValue(rune, out var surname))
            {
                initials.Append(surname);
            }
            else if (Rune.IsLetterOrDigit(rune) && rune.Value < 0x80)
            {
                initials.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else if (IsChineseCharacter(rune) && Letters.GetOrAdd(rune.Value, value => LetterOf(char.ConvertFromUtf32(value))) is { } letter)
            {
                initials.Append(letter);
            }
        }
        return initials.ToString();
    }

    private static bool IsChineseCharacter(Rune rune) => rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF;

    private static char? LetterOf(string character)
    {
        if (Collation.Compare(character, Boundaries[0].First) < 0)
        {
            return null;
        }
        var (low, high) = (0, Boundaries.Length - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Collation.Compare(character, Boundaries[middle].First) >= 0)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }
        return Boundaries[low].Letter;
    }
}
