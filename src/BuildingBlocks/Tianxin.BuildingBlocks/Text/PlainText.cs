namespace Tianxin.BuildingBlocks.Text;

/// <summary>Free text a user types on one line (an address, a reason, a source): no control characters.</summary>
public static class PlainText
{
    /// <returns>True when <paramref name="text"/> is at most <paramref name="maxLength"/> characters without control characters (PostgreSQL refuses NUL).</returns>
    public static bool IsValid(string? text, int maxLength) =>
        text is not null && text.Length <= maxLength && !text.Any(char.IsControl);
}
