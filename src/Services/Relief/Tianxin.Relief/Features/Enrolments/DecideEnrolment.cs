using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>区民政审定: district civil affairs decides (over gRPC), or a district officer for it when the bureau is not connected.</summary>
public sealed class DecideEnrolment(EnrolmentSteps steps)
{
    public async Task<Outcome<Enrolment>> HandleAsync(Guid id, StepRequest request, AreaScope scope, string by, CancellationToken cancellationToken) =>
        EnrolmentSteps.Validate(request) is { Count: > 0 } errors
            ? Failure.Fields(errors, EnrolmentSteps.InvalidTitle)
            : await steps.MoveAsync(id, scope, "decision", "reviewed", "approved", request, by, "decided_by", ("approved_at = now()", []),
                cancellationToken);
}
