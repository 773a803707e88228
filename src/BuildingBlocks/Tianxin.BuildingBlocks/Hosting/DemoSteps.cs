using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>
/// Demos go through the service's own handlers: a step they refuse means the demo no longer fits the service's rules,
/// and stops the seed (which <see cref="DemoSeeder"/> logs) rather than leaving a year half made without a word.
/// </summary>
public static class DemoSteps
{
    public static T Must<T>(Outcome<T> outcome) =>
        outcome.Succeeded ? outcome.Value : throw new InvalidOperationException($"Demo step refused: {outcome.Failure}");
}
