using Tianxin.BuildingBlocks.Money;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class YuanTests
{
    [Theory]
    [InlineData("1,234.50", 1234.50)]
    [InlineData("1234.5", 1234.50)]
    [InlineData(" 58858.80 元", 58858.80)]
    [InlineData("0", 0)]
    public void Amounts_people_write_are_read_exactly(string text, decimal expected) =>
        Assert.Equal(expected, Yuan.Parse(text, out _)!.Value.Amount);

    [Theory]
    [InlineData("-1.00")]
    [InlineData("1.005")]
    [InlineData("12,3a")]
    [InlineData("")]
    [InlineData(null)]
    public void Negative_three_decimal_and_unreadable_amounts_are_refused_with_a_reason(string? text)
    {
        Assert.Null(Yuan.Parse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void An_amount_over_the_limit_is_refused()
    {
        Assert.Null(Yuan.From(100_000.01m, out var error, max: 100_000m));
        Assert.Contains("100,000.00", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1234.5, "1,234.50", "1234.50", "1,234.50 元")]
    [InlineData(5131600, "5,131,600.00", "5131600.00", "5,131,600.00 元")]
    [InlineData(0.07, "0.07", "0.07", "0.07 元")]
    public void Formats_round_trip_through_parsing(decimal amount, string grouped, string plain, string withUnit)
    {
        var yuan = Yuan.Of(amount);

        Assert.Equal((grouped, plain, withUnit), (yuan.ToString(), yuan.ToPlain(), yuan.ToYuanText()));
        Assert.Equal(yuan, Yuan.Parse(grouped, out _));
        Assert.Equal(yuan, Yuan.Parse(plain, out _));
        Assert.Equal(yuan, Yuan.Parse(withUnit, out _));
    }

    [Theory]
    [InlineData(123456.00, "12.35 万元")]
    [InlineData(5131600.00, "513.16 万元")]
    [InlineData(155600.00, "15.56 万元")]
    [InlineData(125.00, "0.01 万元")] // half a fen of 万元 rounds away from zero, as the report rounds
    public void Large_sums_are_written_in_wan_yuan_with_two_decimals(decimal amount, string expected) =>
        Assert.Equal(expected, Yuan.Of(amount).ToWanYuanText());

    [Fact]
    public void Field_checks_name_the_field()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(Yuan.Check(12.345m, "cost", errors));
        Assert.Null(Yuan.Check(0m, "amountPerCase", errors, positive: true));
        Assert.Null(Yuan.Check(null, "budget", errors));

        Assert.Equal(["amountPerCase", "budget", "cost"], errors.Keys.Order());
    }

    [Fact]
    public void Amounts_the_platform_holds_must_be_valid() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Yuan.Of(-0.01m));
}
