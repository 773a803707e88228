using System.Globalization;
using MiniExcelLibs;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Relief.Features.PaymentRuns;

/// <summary>One line of the bank's result, as text, with its row in the file (the header is row 1).</summary>
public sealed record BankResultLine(int Row, string? PaymentId, string? Amount, string? Result, string? Reason);

/// <summary>The bank's results: its lines and the control totals it states (line count and sum).</summary>
public sealed record BankResults(IReadOnlyList<BankResultLine> Lines, int? ControlCount, string? ControlTotal);

/// <summary>
/// The files exchanged with the bank, .xlsx or .csv, columns named in Chinese or English. The payment list
/// ends with a control row (序号 = 合计) carrying the line count (笔数) and the sum (金额), and leaves 结果 and
/// 原因 empty: the bank sends the list back with 结果 (paid/failed, 成功/失败) and 原因 filled in, for the
/// lines it reports, with the control row counting those lines.
/// </summary>
public static class BankFiles
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private const string ControlRow = "合计";
    private static readonly (string Chinese, string English)[] ResultColumns =
        [("序号", "lineNo"), ("付款编号", "paymentId"), ("金额", "amount"), ("结果", "result"), ("原因", "reason"), ("笔数", "count")];

    public static ExcelType? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => ExcelType.XLSX,
        ".csv" => ExcelType.CSV,
        _ => null,
    };

    public static byte[] Write(PaymentListFile list, ExcelType format)
    {
        var rows = list.Lines.Select(l => new Dictionary<string, object?>
        {
            ["序号"] = l.LineNo, ["付款编号"] = l.PaymentId.ToString(), ["收款人编号"] = l.PayeeId.ToString(), ["户名"] = l.AccountHolder,
            ["银行账号"] = l.BankAccount, ["所属月份"] = l.Month, ["金额"] = Yuan.Of(l.Amount).ToPlain(), ["笔数"] = null,
            ["结果"] = null, ["原因"] = null,
        }).Append(new Dictionary<string, object?>
        {
            ["序号"] = ControlRow, ["付款编号"] = null, ["收款人编号"] = null, ["户名"] = null, ["银行账号"] = null, ["所属月份"] = list.Run.Period,
            ["金额"] = Yuan.Of(list.Total).ToPlain(), ["笔数"] = list.LineCount,
            ["结果"] = null, ["原因"] = null,
        }).ToList();
        using var output = new MemoryStream();
        output.SaveAs(rows, excelType: format);
        return output.ToArray();
    }

    /// <summary>The result file's rows, or the columns it lacks; checking them against the run is <see cref="ImportBankResults"/>' work.</summary>
    public static Outcome<BankResults> Read(byte[] content, string fileName)
    {
        if (FormatOf(fileName) is not { } format)
        {
            return Failure.Field("file", "请上传 .xlsx 或 .csv 文件 / Upload an .xlsx or .csv file.", ImportBankResults.RefusedTitle);
        }
        var lines = new List<BankResultLine>();
        int? controlCount = null;
        string? controlTotal = null;
        using var stream = new MemoryStream(content);
        var row = 1;
        try
        {
            foreach (IDictionary<string, object?> cells in stream.Query(useHeaderRow: true, excelType: format))
            {
                row++;
                var values = cells.ToDictionary(c => c.Key.Trim(), c => Text(c.Value), StringComparer.OrdinalIgnoreCase);
                if (row == 2 && ResultColumns[..4].FirstOrDefault(c => !values.ContainsKey(c.Chinese) && !values.ContainsKey(c.English)) is { Chinese: not null } missing)
                {
                    return Failure.Field("file", $"缺少列 {missing.Chinese} / The column {missing.English} is missing.", ImportBankResults.RefusedTitle);
                }
                string? Cell(int column) => values.GetValueOrDefault(ResultColumns[column].Chinese) ?? values.GetValueOrDefault(ResultColumns[column].English);
                if (values.Values.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                if (Cell(0) is ControlRow or "total")
                {
                    controlCount = int.TryParse(Cell(5), CultureInfo.InvariantCulture, out var count) ? count : -1;
                    controlTotal = Cell(2);
                    continue;
                }
                lines.Add(new BankResultLine(row, Cell(1), Cell(2), Cell(3), Cell(4)));
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException)
        {
            return Failure.Field("file", "文件无法读取 / The file cannot be read.", ImportBankResults.RefusedTitle);
        }
        return new BankResults(lines, controlCount, controlTotal);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double number => number.ToString("0.##", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture)?.Trim(),
        _ => value.ToString()?.Trim(),
    };
}
