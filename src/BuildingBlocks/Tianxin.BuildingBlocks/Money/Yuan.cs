using System.Globalization;

namespace Tianxin.BuildingBlocks.Money;

/// <summary>
/// An amount of money in yuan, exact to the fen: never negative, never more than two decimals. The report
/// writes sums as "1,234.50 元" or, for large ones, "12.35 万元"; protos carry "1234.50".
/// </summary>
public readonly record struct Yuan : IComparable<Yuan>
{
    /// <summary>The largest amount any single figure may hold here: numeric(14,2) in the databases.</summary>
    public static readonly decimal Ceiling = 999_999_999_999.99m;

    public static readonly Yuan Zero = new(0m);

    private Yuan(decimal amount) => Amount = amount;

    public decimal Amount { get; }

    /// <returns>The amount, or null with <paramref name="error"/> saying why not (in zh-CN and English).</returns>
    public static Yuan? From(decimal amount, out string? error, decimal? max = null)
    {
        error = amount < 0 ? "金额不能为负 / An amount is not negative."
            : decimal.Round(amount, 2) != amount ? "金额最多两位小数（精确到分） / An amount has at most two decimals (fen)."
            : amount > (max ?? Ceiling) ? $"金额不能超过 {new Yuan(max ?? Ceiling)} 元 / The amount is at most {new Yuan(max ?? Ceiling)} yuan."
            : null;
        return error is null ? new Yuan(amount) : null;
    }

    /// <summary>An amount the platform itself holds (a database column, a sum of valid amounts): wrong ones are a bug, not a user's error.</summary>
    public static Yuan Of(decimal amount) =>
        From(amount, out var error) ?? throw new ArgumentOutOfRangeException(nameof(amount), amount, error);

    /// <summary>Reads "1234.5", "1,234.50" or "1234.50 元" as people and partners write them.</summary>
    public static Yuan? Parse(string? text, out string? error, decimal? max = null)
    {
        var digits = text?.Trim().Replace("元", "", StringComparison.Ordinal).Trim();
        if (string.IsNullOrEmpty(digits)
            || !decimal.TryParse(digits, NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var amount))
        {
            error = "金额为十进制元，如 1,280.50 / An amount in yuan, e.g. 1,280.50.";
            return null;
        }
        return From(amount, out error, max);
    }

    /// <summary>Reads an amount a caller wrote; a wrong one adds its field error to <paramref name="errors"/>.</summary>
    public static Yuan? Parse(string? text, string field, IDictionary<string, string[]> errors, decimal? max = null)
    {
        var yuan = Parse(text, out var error, max);
        if (error is not null)
        {
            errors[field] = [error];
        }
        return yuan;
    }

    /// <summary>Adds the field error to <paramref name="errors"/> when the amount is missing or wrong.</summary>
    public static Yuan? Check(decimal? amount, string field, IDictionary<string, string[]> errors, decimal? max = null, bool positive = false)
    {
        if (amount is not { } value)
        {
            errors[field] = ["请填写金额 / Give the amount."];
            return null;
        }
        var yuan = From(value, out var error, max);
        if (error is null && positive && value == 0)
        {
            error = "金额应大于0 / The amount is above 0.";
        }
        if (error is not null)
        {
            errors[field] = [error];
            return null;
        }
        return yuan;
    }

    /// <summary>A total shared among a number of parts to the fen: the first parts take the fen left over, so the sum is exact.</summary>
    public static IReadOnlyList<decimal> Split(decimal total, int parts)
    {
        var fen = (long)(total * 100);
        var each = fen / parts;
        var over = fen % parts;
        return [.. Enumerable.Range(0, parts).Select(i => (each + (i < over ? 1 : 0)) / 100m)];
    }

    public static Yuan operator +(Yuan left, Yuan right) => new(left.Amount + right.Amount);

    /// <summary>"1,234.50".</summary>
    public override string ToString() => Amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>"1234.50": what protos and files for machines carry.</summary>
    public string ToPlain() => Amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"1,234.50 元".</summary>
    public string ToYuanText() => ToString() + " 元";

    /// <summary>"12.35 万元": 10,000 yuan, two decimals, halves rounded away from zero as the report rounds them.</summary>
    public string ToWanYuanText() =>
        decimal.Round(Amount / 10_000m, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture) + " 万元";

    public int CompareTo(Yuan other) => Amount.CompareTo(other.Amount);

    public static bool operator <(Yuan left, Yuan right) => left.Amount < right.Amount;
    public static bool operator >(Yuan left, Yuan right) => left.Amount > right.Amount;
    public static bool operator <=(Yuan left, Yuan right) => left.Amount <= right.Amount;
    public static bool operator >=(Yuan left, Yuan right) => left.Amount >= right.Amount;
}
