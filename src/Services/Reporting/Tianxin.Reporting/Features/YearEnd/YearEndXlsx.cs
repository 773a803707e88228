using MiniExcelLibs;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>The report's tables as a workbook: one sheet of lines with every figure they quote, one of programmes, one per chart.</summary>
public static class YearEndXlsx
{
    public static byte[] Render(YearEndReport report)
    {
        var sheets = new Dictionary<string, object>
        {
            ["报告 Lines"] = report.Sections.SelectMany(section => section.Lines.SelectMany(line => line.Figures.Select(figure =>
                new Dictionary<string, object?>
                {
                    ["板块 Section"] = section.Title,
                    ["项目 Programme"] = line.Programme,
                    ["指标 Measure"] = figure.Key,
                    ["件数 Count"] = figure.Value.Count,
                    ["人数 People"] = figure.Value.People,
                    ["户数 Households"] = figure.Value.Households,
                    ["数量 Items"] = figure.Value.Items,
                    ["金额（元） Amount"] = figure.Value.Amount,
                    ["有数据 Has data"] = line.HasData ? "是" : "否",
                    ["表述 Text"] = line.Text,
                }))).ToList(),
            ["项目 Programmes"] = report.Programmes.Select(p => new Dictionary<string, object?>
            {
                ["代码 Code"] = p.Code,
                ["项目 Programme"] = p.Name,
                ["板块 Section"] = p.Section,
                ["投入经费（元） Money"] = p.Money,
                ["服务人数 People"] = p.People,
            }).ToList(),
        };
        foreach (var chart in report.Charts)
        {
            sheets[chart.Title] = chart.Points.Select(point => new Dictionary<string, object?> { ["项 Item"] = point.Label, [chart.Unit] = point.Value }).ToList();
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }
}
