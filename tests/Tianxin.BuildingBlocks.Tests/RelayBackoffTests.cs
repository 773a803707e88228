using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class RelayBackoffTests
{
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(5, 32)]
    [InlineData(8, 256)]
    public void Doubles_with_each_failed_attempt(int attempts, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RelayBackoff.After(attempts, Cap));

    [Theory]
    [InlineData(9)]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void Never_waits_longer_than_the_cap(int attempts) =>
        Assert.Equal(Cap, RelayBackoff.After(attempts, Cap));

    [Fact]
    public void A_row_that_never_failed_is_due_at_once() =>
        Assert.Equal(TimeSpan.Zero, RelayBackoff.After(0, Cap));
}
