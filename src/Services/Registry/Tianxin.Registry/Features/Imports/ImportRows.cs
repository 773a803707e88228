using System.Globalization;
using MiniExcelLibs;

namespace Tianxin.Registry.Features.Imports;

/// <summary>One row of a list of certificate holders, as text, with its row number in the file (the header is row 1).</summary>
public sealed record ImportRow(
    int RowNumber, string? IdNumber, string? Name, string? Phone, string? Address, string? CommunityCode, string? Category,
    string? Grade, string? IssuedOn);

/// <summary>
/// Reads the federation's list format from .xlsx or .csv: a header row naming the columns in Chinese (as
/// the federation's sheets do) or in English, in any order.
/// </summary>
public static class ImportRows
{
    public static readonly IReadOnlyList<(string Chinese, string English)> Columns =
    [
        ("身份证号", "idNumber"), ("姓名", "name"), ("电话", "phone"), ("地址", "address"), ("社区代码", "communityCode"),
        ("残疾类别", "category"), ("残疾等级", "grade"), ("发证日期", "issuedOn"),
    ];

    public static bool IsSupported(string fileName) => FormatOf(fileName) is not null;

    public static IEnumerable<ImportRow> Read(byte[] content, string fileName)
    {
        using var stream = new MemoryStream(content);
        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in stream.Query(useHeaderRow: true, excelType: FormatOf(fileName)!.Value))
        {
            rowNumber++;
            var values = cells.ToDictionary(cell => cell.Key.Trim(), cell => Text(cell.Value), StringComparer.OrdinalIgnoreCase);
            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string? Cell(int column) =>
                values.GetValueOrDefault(Columns[column].Chinese) ?? values.GetValueOrDefault(Columns[column].English);
            yield return new ImportRow(rowNumber, Cell(0), Cell(1), Cell(2), Cell(3), Cell(4), Cell(5), Cell(6), Cell(7));
        }
    }

    /// <summary>Spreadsheets hold numbers and dates as such; the rules read text.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number when number == Math.Floor(number) && Math.Abs(number) < 1e15 => ((long)number).ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static ExcelType? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => ExcelType.XLSX,
        ".csv" => ExcelType.CSV,
        _ => null,
    };
}
