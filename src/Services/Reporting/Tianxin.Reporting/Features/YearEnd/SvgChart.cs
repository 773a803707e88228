using System.Globalization;
using System.Net;
using System.Text;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>A horizontal bar chart as plain SVG: readable in any browser, printable, no script.</summary>
public static class SvgChart
{
    private const int Row = 26;
    private const int LabelWidth = 190;
    private const int BarWidth = 420;

    public static string Render(Chart chart)
    {
        var height = 40 + Math.Max(1, chart.Points.Count) * Row;
        var max = chart.Points.Count == 0 ? 0m : chart.Points.Max(point => point.Value);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"""<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{LabelWidth + BarWidth + 140}" height="{height}" aria-label="{Escape(chart.Title)}">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="0" y="18" font-size="15" font-weight="bold">{Escape(chart.Title)}（{Escape(chart.Unit)}）</text>""");
        if (chart.Points.Count == 0)
        {
            svg.Append("""<text x="0" y="50" font-size="13" fill="#666">暂无数据 / no data</text>""");
        }
        for (var i = 0; i < chart.Points.Count; i++)
        {
            var point = chart.Points[i];
            var y = 34 + i * Row;
            var width = max == 0 ? 0 : (int)Math.Round(point.Value / max * BarWidth);
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{LabelWidth - 6}" y="{y + 15}" font-size="13" text-anchor="end">{Escape(point.Label)}</text>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{LabelWidth}" y="{y + 3}" width="{width}" height="{Row - 8}" fill="#c0392b"/>""");
            svg.Append(CultureInfo.InvariantCulture,
                $"""<text x="{LabelWidth + width + 6}" y="{y + 15}" font-size="13">{LineTemplate.Yuan(point.Value)}</text>""");
        }
        return svg.Append("</svg>").ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
