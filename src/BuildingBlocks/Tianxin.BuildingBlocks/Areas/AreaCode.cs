namespace Tianxin.BuildingBlocks.Areas;

public enum AreaLevel
{
    District,
    Street,
    Community,
}

/// <summary>
/// An administrative division code as the statistics bureau writes them: the district (430103, six
/// digits), a street (街道, nine digits: 430103001), a community or village (社区/村, twelve digits:
/// 430103001001). A code covers itself and every code that starts with it, which is how staff of an
/// area see their area and everything below it.
/// </summary>
public sealed record AreaCode
{
    private AreaCode(string value, AreaLevel level)
    {
        Value = value;
        Level = level;
    }

    /// <summary>天心区, the district this platform serves: the top of every area tree.</summary>
    public static AreaCode District { get; } = new("430103", AreaLevel.District);

    public string Value { get; }
    public AreaLevel Level { get; }

    public static AreaCode? TryParse(string? input)
    {
        var value = input?.Trim() ?? string.Empty;
        if (!value.All(char.IsAsciiDigit))
        {
            return null;
        }
        return value.Length switch
        {
            6 => new AreaCode(value, AreaLevel.District),
            9 => new AreaCode(value, AreaLevel.Street),
            12 => new AreaCode(value, AreaLevel.Community),
            _ => null,
        };
    }

    public bool Covers(AreaCode other) => other.Value.StartsWith(Value, StringComparison.Ordinal);

    /// <summary>For SQL: <c>community_code like @pattern</c> (with a text_pattern_ops index) selects this area and below.</summary>
    public string LikePattern => Value + "%";

    public override string ToString() => Value;
}
