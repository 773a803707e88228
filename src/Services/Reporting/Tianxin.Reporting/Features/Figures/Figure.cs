namespace Tianxin.Reporting.Features.Figures;

/// <summary>What the facts of one measure add up to: how many, distinct people and households, items, and money to the fen.</summary>
public sealed record Figure(long Count, long People, long Households, long Items, decimal Amount)
{
    public static Figure None { get; } = new(0, 0, 0, 0, 0m);

    public static IReadOnlyList<string> Names { get; } = ["count", "people", "households", "items", "amount"];

    public decimal? Value(string name) => name switch
    {
        "count" => Count,
        "people" => People,
        "households" => Households,
        "items" => Items,
        "amount" => Amount,
        _ => null,
    };
}

/// <param name="Month">Set on a month's row, null on the year's and the street's.</param>
/// <param name="Street">Set on a street's row (its 9-digit code), null on the year's and the month's.</param>
public sealed record FigureRow(string Programme, string Measure, int? Month, string? Street, Figure Figure);
