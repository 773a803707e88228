using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using MiniExcelLibs;
using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.Targets;
using Tianxin.Reporting.Features.YearEnd;

namespace Tianxin.Reporting.Tests;

public sealed class DocumentsTests
{
    private static readonly ReportWording Wording = new(
        [new SectionWording("relief", "精准帮扶", "Relief")],
        [
            new LineWording("relief", "targeted_help", "为{granted.people}名建档立卡残疾人发放慰问金{granted.amount:yuan}元", "Targeted help {granted.amount:yuan}"),
            new LineWording("relief", "festival_visits", "走访慰问残疾人{granted.people}人", "Visits to {granted.people}"),
        ],
        [
            new ProgrammeWording("targeted_help", "relief", "精准帮扶", "Targeted help", "granted", "granted"),
            new ProgrammeWording("festival_visits", "relief", "节日走访慰问", "Festival visits", "granted", "granted"),
        ],
        new Dictionary<string, string> { ["430103001"] = "裕南街街道" });

    private static readonly YearEndReport Report = DraftYearEndReport.Compose(2019, Wording,
    [
        new FigureRow("targeted_help", "granted", null, null, new Figure(144, 144, 140, 144, 86_400.00m)),
        new FigureRow("targeted_help", "granted", 3, null, new Figure(100, 100, 98, 100, 60_000.00m)),
        new FigureRow("targeted_help", "granted", null, "430103001", new Figure(144, 144, 140, 144, 86_400.00m)),
    ],
    [
        new LiveTarget("two_subsidies", "一二级持证残疾人纳入两项补贴比例", "Grade 1-2 holders in the two subsidies", 100m, 90, 100, 90.0m, true, "", "", [], []),
        new LiveTarget("social_security", "残疾人基本保障参保率", "Basic social security", 95m, 0, 100, null, false, "", "", [], []),
    ]);

    [Fact]
    public void The_word_document_is_valid_and_holds_every_line_and_a_chart_per_chart()
    {
        using var stream = new MemoryStream(YearEndDocx.Render(Report));
        using var document = WordprocessingDocument.Open(stream, false);

        Assert.Empty(new OpenXmlValidator().Validate(document));
        var text = document.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("为144名建档立卡残疾人发放慰问金86400元。", text);
        Assert.Contains("走访慰问残疾人—人" + YearEndDocx.NoDataMark, text);
        Assert.Equal(Report.Charts.Count, document.MainDocumentPart.ChartParts.Count());
    }

    [Fact]
    public void The_workbook_sums_match_the_report()
    {
        using var stream = new MemoryStream(YearEndXlsx.Render(Report));

        var programmes = stream.Query(useHeaderRow: true, sheetName: "项目 Programmes").Cast<IDictionary<string, object>>().ToList();

        Assert.Equal(Report.Programmes.Sum(p => p.Money), programmes.Sum(row => Convert.ToDecimal(row["投入经费（元） Money"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(86_400.00m, Convert.ToDecimal(programmes.Single(row => (string)row["代码 Code"] == "targeted_help")["投入经费（元） Money"],
            System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_page_marks_lines_without_data_and_draws_each_chart()
    {
        var html = YearEndHtml.Render(Report);

        Assert.Contains("为144名建档立卡残疾人发放慰问金86400元。", html);
        Assert.Contains("class=\"no-data\"", html);
        Assert.Equal(Report.Charts.Count, html.Split("<svg").Length - 1);
        Assert.Contains(">3月<", SvgChart.Render(Report.Charts.Single(c => c.Code == "served_per_month")));
        Assert.Equal([new ChartPoint("裕南街街道", 144)], Report.Charts.Single(c => c.Code == "served_per_street").Points);
        Assert.Equal([new ChartPoint("一二级持证残疾人纳入两项补贴比例（目标≥100%）", 90.0m)], Report.Charts.Single(c => c.Code == "targets_against_goals").Points);
    }
}
