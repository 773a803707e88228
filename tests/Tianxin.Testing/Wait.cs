namespace Tianxin.Testing;

public static class Wait
{
    /// <summary>Polls until the condition holds; fails with the given explanation when the timeout passes.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(explain());
            }
            await Task.Delay(100);
        }
    }
}
