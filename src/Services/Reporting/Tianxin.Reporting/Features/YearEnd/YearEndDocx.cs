using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>
/// The report as a Word document the federation edits before it is sent: plain paragraphs in the seed's
/// words, lines without data marked, and the charts as Word charts (they print and resize with the page).
/// </summary>
public static class YearEndDocx
{
    public const string NoDataMark = "（暂无数据）";

    public static byte[] Render(YearEndReport report)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(report.Title, bold: true, size: 36));
            foreach (var section in report.Sections)
            {
                body.Append(Paragraph(section.Title, bold: true, size: 30));
                foreach (var line in section.Lines)
                {
                    body.Append(line.HasData ? Paragraph(line.Text + "。") : Paragraph(line.Text + NoDataMark, grey: true));
                }
            }
            body.Append(Paragraph("图表", bold: true, size: 30));
            uint id = 1;
            foreach (var chart in report.Charts)
            {
                body.Append(Paragraph(chart.Title + "（" + chart.Unit + "）", bold: true));
                body.Append(new Paragraph(new Run(ChartDrawing(main, chart, id++))));
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 24, bool grey = false)
    {
        var properties = new RunProperties(new RunFonts { EastAsia = "宋体", Ascii = "Times New Roman" });
        if (bold)
        {
            properties.Append(new Bold());
        }
        if (grey)
        {
            properties.Append(new Color { Val = "888888" });
        }
        properties.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Drawing ChartDrawing(MainDocumentPart main, Chart chart, uint id)
    {
        var part = main.AddNewPart<ChartPart>();
        part.ChartSpace = WordBarChart.Of(chart);
        part.ChartSpace.Save();
        var height = 720_000L + 300_000L * Math.Max(1, chart.Points.Count);
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = 5_760_000L, Cy = height },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = chart.Code },
            new DW.NonVisualGraphicFrameDrawingProperties(),
            new A.Graphic(new A.GraphicData(new DocumentFormat.OpenXml.Drawing.Charts.ChartReference { Id = main.GetIdOfPart(part) })
            {
                Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart",
            }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        });
    }
}
