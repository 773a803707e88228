using Tianxin.BuildingBlocks.Money;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class YuanSplitTests
{
    [Theory]
    [InlineData(155_600.00, 258)]
    [InlineData(324_500.00, 142)]
    [InlineData(755_500.00, 214)]
    [InlineData(58_858.80, 22)]
    [InlineData(145_500.00, 3_231)]
    [InlineData(0.05, 3)]
    public void A_total_is_shared_among_its_parts_to_the_fen(decimal total, int people)
    {
        var amounts = Yuan.Split(total, people);

        Assert.Equal(people, amounts.Count);
        Assert.Equal(total, amounts.Sum());
        Assert.True(amounts.Max() - amounts.Min() <= 0.01m);
        Assert.All(amounts, a => Assert.Equal(a, decimal.Round(a, 2)));
    }
}
