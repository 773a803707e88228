using System.Net;
using System.Text;

namespace Tianxin.Reporting.Features.YearEnd;

/// <summary>The report as a page: its sections in the seed's words, lines without data marked, the charts inline.</summary>
public static class YearEndHtml
{
    public static string Render(YearEndReport report)
    {
        var html = new StringBuilder();
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{Escape(report.Title)}}</title>
            <style>body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;line-height:1.7}
            .no-data{color:#888} .no-data::after{content:"（暂无数据）"} figure{margin:1.5rem 0}</style></head><body>
            <h1>{{Escape(report.Title)}}</h1><p lang="en">{{Escape(report.TitleEn)}}</p>
            """);
        foreach (var section in report.Sections)
        {
            html.Append($"<section id=\"{section.Code}\"><h2>{Escape(section.Title)} <small lang=\"en\">{Escape(section.TitleEn)}</small></h2><ol>");
            foreach (var line in section.Lines)
            {
                html.Append(line.HasData
                    ? $"<li data-programme=\"{line.Programme}\">{Escape(line.Text)}。</li>"
                    : $"<li data-programme=\"{line.Programme}\" class=\"no-data\">{Escape(line.Text)}</li>");
            }
            html.Append("</ol></section>");
        }
        html.Append("<section id=\"charts\"><h2>图表 <small lang=\"en\">Charts</small></h2>");
        foreach (var chart in report.Charts)
        {
            html.Append($"<figure id=\"{chart.Code}\">").Append(SvgChart.Render(chart)).Append("</figure>");
        }
        return html.Append("</section></body></html>").ToString();
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
