using Tianxin.Relief.DemoData;

namespace Tianxin.Relief.Tests;

public sealed class DemoSplitTests
{
    [Theory]
    [InlineData(155_600.00, 258)]
    [InlineData(324_500.00, 142)]
    [InlineData(755_500.00, 214)]
    [InlineData(0.05, 3)]
    public void The_2019_reports_money_is_shared_among_its_people_to_the_fen(decimal total, int people)
    {
        var amounts = DemoReliefProgrammes.Split(total, people);

        Assert.Equal(people, amounts.Count);
        Assert.Equal(total, amounts.Sum());
        Assert.True(amounts.Max() - amounts.Min() <= 0.01m);
        Assert.All(amounts, a => Assert.Equal(a, decimal.Round(a, 2)));
    }
}
