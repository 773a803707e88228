using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.YearEnd;

namespace Tianxin.Reporting.Tests;

public sealed class LineTemplateTests
{
    private static Func<string, Figure?> Figures(params (string Measure, Figure Figure)[] figures) =>
        measure => figures.Where(f => f.Measure == measure).Select(f => f.Figure).FirstOrDefault();

    [Fact]
    public void Money_in_wan_has_two_decimals_and_people_are_counted_as_the_seed_writes_them()
    {
        var line = LineTemplate.Render("投入经费{approved.amount:wan}万元为{approved.people}名0-17岁贫困残疾儿童免费提供康复救助服务",
            Figures(("approved", new Figure(308, 308, 300, 0, 5_131_600.00m))));

        Assert.Equal("投入经费513.16万元为308名0-17岁贫困残疾儿童免费提供康复救助服务", line.Text);
        Assert.True(line.HasData);
    }

    [Theory]
    [InlineData("58858.80", "58858.80")]
    [InlineData("86400.00", "86400")]
    [InlineData("0.01", "0.01")]
    public void Yuan_are_exact_to_the_fen_and_whole_yuan_drop_their_decimals(string amount, string expected) =>
        Assert.Equal($"共计{expected}元", LineTemplate.Render("共计{paid.amount:yuan}元",
            Figures(("paid", new Figure(1, 1, 1, 0, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture))))).Text);

    [Fact]
    public void A_rate_divides_two_measures_and_says_nothing_without_a_denominator()
    {
        const string template = "办结率{closed.count/received.count:pct}，满意率{satisfied.count/called_back.count:pct}";

        var line = LineTemplate.Render(template, Figures(("closed", new Figure(2, 0, 0, 0, 0)), ("received", new Figure(3, 0, 0, 0, 0))));

        Assert.Equal("办结率66.7%，满意率—", line.Text);
        Assert.Equal(["closed", "received", "satisfied", "called_back"], line.Measures);
    }

    [Fact]
    public void A_line_without_any_event_of_its_measures_is_marked_and_prints_no_zeros()
    {
        var line = LineTemplate.Render("为{devices.people}名听力障碍人士发放助听器{devices.items}台", Figures());

        Assert.False(line.HasData);
        Assert.Equal("为—名听力障碍人士发放助听器—台", line.Text);
    }

    [Fact]
    public void An_unknown_figure_in_the_wording_is_an_error_of_the_wording_not_a_silent_zero() =>
        Assert.Throws<FormatException>(() => LineTemplate.Render("{paid.money}", Figures(("paid", Figure.None))));
}
