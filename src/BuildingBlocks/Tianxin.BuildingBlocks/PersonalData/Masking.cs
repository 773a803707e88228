namespace Tianxin.BuildingBlocks.PersonalData;

/// <summary>What a caller who may not see a value sees instead.</summary>
public static class Masking
{
    /// <summary>430103********123X: the region code and the last four characters.</summary>
    public static string IdNumber(string idNumber) => idNumber[..6] + "********" + idNumber[14..];

    /// <summary>138****5678 for a mobile number; for a landline the last four digits only.</summary>
    public static string Phone(string phone) =>
        phone.Length == 11 && phone[0] == '1'
            ? phone[..3] + "****" + phone[7..]
            : new string('*', Math.Max(0, phone.Length - 4)) + phone[Math.Max(0, phone.Length - 4)..];

    /// <summary>张*丰, 李*; the first character (the family name) and, for three or more, the last.</summary>
    public static string Name(string name)
    {
        var letters = System.Globalization.StringInfo.ParseCombiningCharacters(name);
        if (letters.Length <= 1)
        {
            return name;
        }
        var first = name[..letters[1]];
        if (letters.Length == 2)
        {
            return first + "*";
        }
        return first + new string('*', letters.Length - 2) + name[letters[^1]..];
    }
}
