using System.Globalization;
using System.Text.RegularExpressions;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.YearEnd;

/// <param name="Text">The sentence with its figures, or with "—" in their places when the platform has no data for it.</param>
/// <param name="HasData">False when no event of the line's measures arrived for the year: the line says so rather than print zeros.</param>
/// <param name="Measures">The measures the line quotes, with their figures, for the tables and the reconciliation.</param>
public sealed record RenderedLine(string Text, bool HasData, IReadOnlyList<string> Measures);

/// <summary>
/// Fills a report line's placeholders: {measure.figure} and {measure.figure:format}, or a rate {a.figure/b.figure:pct}.
/// Money is yuan to the fen ("58858.80", "86400" when whole), or 万元 with two decimals (":wan", "513.16").
/// </summary>
public static partial class LineTemplate
{
    public const string NoData = "—";

    [GeneratedRegex(@"\{(?<m>[a-z_]+)\.(?<f>[a-z]+)(?:/(?<dm>[a-z_]+)\.(?<df>[a-z]+))?(?::(?<format>wan|yuan|pct))?\}")]
    private static partial Regex Placeholder();

    public static IReadOnlyList<string> MeasuresOf(string template) =>
        [.. Placeholder().Matches(template).SelectMany(m => m.Groups["dm"].Success ? [m.Groups["m"].Value, m.Groups["dm"].Value] : new[] { m.Groups["m"].Value })
            .Distinct(StringComparer.Ordinal)];

    public static RenderedLine Render(string template, Func<string, Figure?> figureOf)
    {
        var measures = MeasuresOf(template);
        var hasData = measures.Any(measure => figureOf(measure) is not null);
        var text = Placeholder().Replace(template, match => hasData ? Fill(match, figureOf) : NoData);
        return new RenderedLine(text, hasData, measures);
    }

    private static string Fill(Match match, Func<string, Figure?> figureOf)
    {
        var value = ValueOf(match.Groups["m"].Value, match.Groups["f"].Value, figureOf);
        var format = match.Groups["format"].Value;
        if (match.Groups["dm"].Success)
        {
            var of = ValueOf(match.Groups["dm"].Value, match.Groups["df"].Value, figureOf);
            return of == 0 ? NoData : Percent(value / of);
        }
        return format switch
        {
            "wan" => Wan(value),
            "yuan" => Yuan(value),
            _ when match.Groups["f"].Value == "amount" => Yuan(value),
            _ => value.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    private static decimal ValueOf(string measure, string figure, Func<string, Figure?> figureOf) =>
        (figureOf(measure) ?? Figure.None).Value(figure) ?? throw new FormatException($"Unknown figure '{figure}' in a report line; use one of {string.Join(", ", Figure.Names)}.");

    public static string Wan(decimal yuan) => Math.Round(yuan / 10_000m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Yuan(decimal yuan) =>
        yuan == decimal.Truncate(yuan) ? yuan.ToString("0", CultureInfo.InvariantCulture) : yuan.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal rate) =>
        Math.Round(rate * 100m, 1, MidpointRounding.AwayFromZero).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
