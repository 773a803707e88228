using MiniExcelLibs;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Relief.Features.PaymentRuns;

namespace Tianxin.Relief.Tests;

public sealed class BankFilesTests
{
    private static readonly PaymentRun Run = new(Guid.NewGuid(), "care_subsidy", new DateOnly(2026, 3, 1), "430103", "exported", DateTimeOffset.UtcNow,
        2, 2, 2, 220m, 0, 0m, 0, 0m, "officer", "officer", null, null, 3);

    [Theory]
    [InlineData("list.csv")]
    [InlineData("list.xlsx")]
    public void The_payment_list_ends_with_a_control_row_the_result_file_reader_understands(string fileName)
    {
        var lines = new[]
        {
            new PaymentLine(1, Guid.NewGuid(), Guid.NewGuid(), "张三", "6217000000000001", "2026-03", 110m),
            new PaymentLine(2, Guid.NewGuid(), Guid.NewGuid(), "李四", "6217000000000002", "2026-03", 110m),
        };

        var written = BankFiles.Write(new PaymentListFile(Run, lines), BankFiles.FormatOf(fileName)!.Value);
        var read = BankFiles.Read(written, fileName);

        Assert.True(read.Succeeded);
        Assert.Equal(lines.Select(l => l.PaymentId.ToString()), read.Value.Lines.Select(l => l.PaymentId));
        Assert.Equal(["110.00", "110.00"], read.Value.Lines.Select(l => decimal.Parse(l.Amount!, System.Globalization.CultureInfo.InvariantCulture).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal([2, 3], read.Value.Lines.Select(l => l.Row));
        Assert.Equal(2, read.Value.ControlCount);
        Assert.Equal(220m, decimal.Parse(read.Value.ControlTotal!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_file_without_the_result_columns_is_refused_naming_the_column()
    {
        using var output = new MemoryStream();
        output.SaveAs(new[] { new Dictionary<string, object?> { ["序号"] = 1, ["付款编号"] = Guid.NewGuid().ToString(), ["金额"] = "110.00" } },
            excelType: ExcelType.CSV);

        var read = BankFiles.Read(output.ToArray(), "results.csv");

        var invalid = Assert.IsType<Failure.Invalid>(read.Failure);
        Assert.Contains("结果", invalid.Errors["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Other_formats_are_refused() =>
        Assert.Contains("file", Assert.IsType<Failure.Invalid>(BankFiles.Read([1, 2, 3], "results.pdf").Failure).Errors.Keys);
}
