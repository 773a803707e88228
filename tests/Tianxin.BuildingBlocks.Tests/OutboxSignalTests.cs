using Tianxin.BuildingBlocks.Messaging;

namespace Tianxin.BuildingBlocks.Tests;

public sealed class OutboxSignalTests
{
    [Fact]
    public async Task Many_signals_before_a_wait_wake_it_once()
    {
        var signal = new OutboxSignal();
        signal.Set();
        signal.Set();
        signal.Set();

        Assert.True(await signal.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None));
        Assert.False(await signal.WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
    }

    [Fact]
    public async Task A_wait_without_signal_ends_at_its_timeout() =>
        Assert.False(await new OutboxSignal().WaitAsync(TimeSpan.FromMilliseconds(50), CancellationToken.None));
}
