using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>区残联审核: the district federation reviews what a street accepted.</summary>
public sealed class ReviewEnrolment(EnrolmentSteps steps)
{
    public async Task<Outcome<Enrolment>> HandleAsync(Guid id, StepRequest request, AreaScope scope, string by, CancellationToken cancellationToken) =>
        EnrolmentSteps.Validate(request) is { Count: > 0 } errors
            ? Failure.Fields(errors, EnrolmentSteps.InvalidTitle)
            : await steps.MoveAsync(id, scope, "review", "accepted", "reviewed", request, by, "reviewed_by", ("", []), cancellationToken);
}
