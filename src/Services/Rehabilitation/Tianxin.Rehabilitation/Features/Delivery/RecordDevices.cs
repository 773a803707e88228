using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

public sealed record RecordDevicesRequest(Guid CaseId, string? DeviceType, int Count, decimal? Cost, DateOnly? FittedOn);

/// <summary>Assistive devices (or hearing aids, prostheses) an institution fitted on a case assigned to it.</summary>
public sealed class RecordDevices(CasesInService cases, Outbox outbox, TimeProvider clock)
{
    private const decimal MaxCost = 1_000_000m;

    public async Task<Outcome<Application>> HandleAsync(string institution, RecordDevicesRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var fittedOn = DateFields.Past(request.FittedOn, "fittedOn", errors, clock.TodayInChina());
        if (string.IsNullOrWhiteSpace(request.DeviceType) || !PlainText.IsValid(request.DeviceType, 50))
        {
            errors["deviceType"] = ["请填写辅具类型 / Give the device type."];
        }
        if (request.Count is < 1 or > 50)
        {
            errors["count"] = ["数量应为1至50 / The count is 1 to 50."];
        }
        var cost = Yuan.Check(request.Cost, "cost", errors, MaxCost);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, CasesInService.InvalidTitle);
        }
        var deviceType = request.DeviceType!.Trim();
        return await cases.RecordAsync(institution, request.CaseId, fittedOn!.Value, async (application, transaction) =>
        {
            await transaction.Command(
                """
                insert into device_fittings (id, application_id, device_type, count, cost, fitted_on, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, Guid.CreateVersion7(), application.Id, deviceType, request.Count, cost!.Value.Amount, fittedOn, institution)
                .ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new DevicesFitted(application.Id, application.PersonId, application.ProgrammeCode,
                application.Year, deviceType, request.Count, cost.Value.Amount, fittedOn.Value, clock.GetUtcNow()), cancellationToken);
            return application;
        }, cancellationToken);
    }
}
