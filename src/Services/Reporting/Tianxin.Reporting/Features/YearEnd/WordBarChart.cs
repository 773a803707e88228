using System.Globalization;
using DocumentFormat.OpenXml;
using C = DocumentFormat.OpenXml.Drawing.Charts;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>A horizontal bar chart in DrawingML, its values held in the chart itself (no linked workbook to lose).</summary>
public static class WordBarChart
{
    private const uint CategoryAxis = 1;
    private const uint ValueAxis = 2;

    public static C.ChartSpace Of(Chart chart)
    {
        var count = (uint)chart.Points.Count;
        var categories = new C.StringLiteral(new C.PointCount { Val = count });
        var values = new C.NumberLiteral(new C.FormatCode("General"), new C.PointCount { Val = count });
        for (var i = 0; i < chart.Points.Count; i++)
        {
            categories.Append(new C.StringPoint(new C.NumericValue(chart.Points[i].Label)) { Index = (uint)i });
            values.Append(new C.NumericPoint(new C.NumericValue(chart.Points[i].Value.ToString(CultureInfo.InvariantCulture))) { Index = (uint)i });
        }
        var series = new C.BarChartSeries(
            new C.Index { Val = 0U }, new C.Order { Val = 0U },
            new C.SeriesText(new C.NumericValue(chart.Title)),
            new C.InvertIfNegative { Val = false },
            new C.CategoryAxisData(categories),
            new C.Values(values));
        var bars = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Bar },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            series,
            new C.GapWidth { Val = (UInt16Value)80 },
            new C.AxisId { Val = CategoryAxis },
            new C.AxisId { Val = ValueAxis });
        var plot = new C.PlotArea(new C.Layout(), bars,
            new C.CategoryAxis(
                new C.AxisId { Val = CategoryAxis },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MaxMin }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = ValueAxis },
                new C.Crosses { Val = C.CrossesValues.AutoZero }),
            new C.ValueAxis(
                new C.AxisId { Val = ValueAxis },
                new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }),
                new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom },
                new C.MajorGridlines(),
                new C.NumberingFormat { FormatCode = "General", SourceLinked = false },
                new C.TickLabelPosition { Val = C.TickLabelPositionValues.NextTo },
                new C.CrossingAxis { Val = CategoryAxis },
                new C.Crosses { Val = C.CrossesValues.AutoZero },
                new C.CrossBetween { Val = C.CrossBetweenValues.Between }));
        return new C.ChartSpace(
            new C.EditingLanguage { Val = "zh-CN" },
            new C.RoundedCorners { Val = false },
            new C.Chart(new C.AutoTitleDeleted { Val = true }, plot, new C.PlotVisibleOnly { Val = true }));
    }
}
