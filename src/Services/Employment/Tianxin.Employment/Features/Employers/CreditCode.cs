namespace Tianxin.Employment.Features.Employers;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and the capital letters without I, O, Z, S, V; the
/// last is a check character, 31 minus the weighted sum (weights 3^i mod 31) of the first 17, modulo 31.
/// </summary>
public static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <returns>The code in capitals when valid, else null.</returns>
    public static string? Normalise(string? input)
    {
        var code = input?.Trim().ToUpperInvariant() ?? "";
        if (code.Length != 18 || code.Any(c => !Alphabet.Contains(c)))
        {
            return null;
        }
        return code[17] == CheckCharacter(code) ? code : null;
    }

    /// <summary>The check character the first 17 characters call for.</summary>
    public static char CheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(code[i]) * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
