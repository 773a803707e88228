using System.Globalization;
using MiniExcelLibs;

namespace Tianxin.Grievance.Features.Defects;

/// <summary>整改清单 as the departments receive it: one row per defect, overdue ones first, columns in Chinese.</summary>
public static class RectificationList
{
    public static byte[] Write(IReadOnlyList<AccessibilityDefect> defects, IReadOnlyDictionary<string, string> typeNames, DateOnly today)
    {
        var rows = defects.Select((d, i) => new Dictionary<string, object?>
        {
            ["序号"] = i + 1,
            ["编号"] = d.Number,
            ["责任部门"] = d.Department,
            ["设施类型"] = typeNames.GetValueOrDefault(d.Type, d.Type),
            ["地址"] = d.Address,
            ["纬度"] = d.Latitude.ToString("0.000000", CultureInfo.InvariantCulture),
            ["经度"] = d.Longitude.ToString("0.000000", CultureInfo.InvariantCulture),
            ["违反条款（GB 50763-2012）"] = d.Clause,
            ["问题描述"] = d.Description,
            ["状态"] = d.State,
            ["交办日期"] = Text(d.AssignedOn),
            ["整改期限"] = Text(d.DueOn),
            ["是否超期"] = d.DueOn < today ? "超期" : "",
        }).ToList();
        using var output = new MemoryStream();
        output.SaveAs(rows, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    private static string Text(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
