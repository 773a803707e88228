using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

public sealed record RecordSessionRequest(Guid CaseId, DateOnly? HeldOn, string? Kind, int Minutes, string? Therapist);

/// <summary>A rehabilitation session an institution held on a case assigned to it.</summary>
public sealed class RecordSession(CasesInService cases, TimeProvider clock)
{
    public async Task<Outcome<Application>> HandleAsync(string institution, RecordSessionRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var heldOn = DateFields.Past(request.HeldOn, "heldOn", errors, clock.TodayInChina());
        if (string.IsNullOrWhiteSpace(request.Kind) || !PlainText.IsValid(request.Kind, 50))
        {
            errors["kind"] = ["请填写康复类型（不超过50字） / Give the kind of session."];
        }
        if (request.Minutes is < 1 or > 600)
        {
            errors["minutes"] = ["时长应为1至600分钟 / A session lasts 1 to 600 minutes."];
        }
        if (string.IsNullOrWhiteSpace(request.Therapist) || !PlainText.IsValid(request.Therapist, 50))
        {
            errors["therapist"] = ["请填写康复师 / Give the therapist."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, CasesInService.InvalidTitle);
        }
        return await cases.RecordAsync(institution, request.CaseId, heldOn!.Value, async (application, transaction) =>
        {
            await transaction.Command(
                "insert into service_sessions (id, application_id, held_on, kind, minutes, therapist, recorded_by) values ($1, $2, $3, $4, $5, $6, $7)",
                Guid.CreateVersion7(), application.Id, heldOn, request.Kind!.Trim(), request.Minutes, request.Therapist!.Trim(), institution)
                .ExecuteAsync(cancellationToken);
            return application;
        }, cancellationToken);
    }
}
