using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Delivery;

public sealed record RecordScreeningRequest(string? ProgrammeCode, int Year, string? Place, DateOnly? HeldOn, int PeopleScreened);

/// <summary>An eye-care screening campaign a hospital held for a programme it is contracted for: sessions and people screened, not cases.</summary>
public sealed class RecordScreening(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<Guid>> HandleAsync(string hospital, RecordScreeningRequest request, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var heldOn = DateFields.Past(request.HeldOn, "heldOn", errors, clock.TodayInChina());
        var programme = await Programme.FindContractedAsync(dataSource, request.ProgrammeCode ?? "", request.Year, hospital, cancellationToken);
        if (programme is null)
        {
            errors["programmeCode"] = ["该年度没有贵院承担的此项目 / No such programme of that year contracted to you."];
        }
        if (string.IsNullOrWhiteSpace(request.Place) || !PlainText.IsValid(request.Place, 100))
        {
            errors["place"] = ["请填写筛查地点 / Give the place."];
        }
        if (request.PeopleScreened is < 1 or > 100_000)
        {
            errors["peopleScreened"] = ["筛查人数应为1至100000 / 1 to 100,000 people."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "筛查信息有误 / The screening has errors");
        }
        var id = Guid.CreateVersion7();
        var place = request.Place!.Trim();
        return await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command(
                "insert into screenings (id, programme_id, place, held_on, people_screened, recorded_by) values ($1, $2, $3, $4, $5, $6)",
                id, programme!.Id, place, heldOn, request.PeopleScreened, hospital).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new ScreeningHeld(id, programme.Code, programme.Year, place, heldOn!.Value,
                request.PeopleScreened, clock.GetUtcNow()), cancellationToken);
            return (Outcome<Guid>)id;
        }, cancellationToken);
    }
}
