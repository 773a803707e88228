using Tianxin.Reporting.Features.Reconciliation;

namespace Tianxin.Reporting.Tests;

public sealed class TallyTests
{
    [Fact]
    public void Only_figures_counted_differently_are_differences_and_a_figure_one_side_lacks_is_zero_there()
    {
        Tally[] report =
        [
            new("child_aid", "approved.amount", 16_660.00m), new("child_aid", "approved.people", 1),
            new("hearing_aids", "devices.items", 2), new("eye_care", "need.count", 0),
        ];
        Tally[] theirs =
        [
            new("child_aid", "approved.amount", 16_660.01m), new("child_aid", "approved.people", 1),
            new("prostheses", "devices.people", 3), new("eye_care", "need.count", 0),
        ];

        var differences = Tally.Differences("rehabilitation", 2025, report, theirs).ToList();

        Assert.Equal(
        [
            new Difference("rehabilitation", "child_aid", 2025, "approved.amount", 16_660.00m, 16_660.01m),
            new Difference("rehabilitation", "hearing_aids", 2025, "devices.items", 2, 0),
            new Difference("rehabilitation", "prostheses", 2025, "devices.people", 0, 3),
        ], differences);
        Assert.Equal(4, new Tallies(report, theirs).Programmes);
    }
}
