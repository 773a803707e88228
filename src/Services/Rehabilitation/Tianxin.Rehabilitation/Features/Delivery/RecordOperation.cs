using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

public sealed record RecordOperationRequest(Guid CaseId, DateOnly? PerformedOn, string? Kind);

/// <summary>An operation a hospital performed on a case assigned to it (e.g. sight-restoring cataract surgery, 复明手术).</summary>
public sealed class RecordOperation(CasesInService cases, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<Application>> HandleAsync(string hospital, RecordOperationRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var performedOn = DateFields.Past(request.PerformedOn, "performedOn", errors, clock.TodayInChina());
        if (string.IsNullOrWhiteSpace(request.Kind) || !PlainText.IsValid(request.Kind, 50))
        {
            errors["kind"] = ["请填写手术类型 / Give the kind of operation."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, CasesInService.InvalidTitle);
        }
        var kind = request.Kind!.Trim();
        return await cases.RecordAsync(hospital, request.CaseId, performedOn!.Value, async (application, transaction) =>
        {
            await transaction.Command(
                "insert into operations (id, application_id, performed_on, kind, recorded_by) values ($1, $2, $3, $4, $5)",
                Guid.CreateVersion7(), application.Id, performedOn, kind, hospital).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new OperationDone(application.Id, application.PersonId, application.ProgrammeCode,
                application.Year, kind, performedOn.Value, clock.GetUtcNow()), cancellationToken);
            return application;
        }, cancellationToken);
    }
}
