using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Care;

public sealed record CareEnrolmentRequest(Guid? CentreId, Guid? PersonId, DateOnly? StartsOn);

/// <param name="EndsOn">The last day of care.</param>
public sealed record CareEndRequest(DateOnly? EndsOn);

/// <summary>A person of the caller's area whom care is for joins a centre within its capacity; one open enrolment per kind of care.</summary>
public sealed class EnrolInCare(NpgsqlDataSource dataSource, EligibilityCopy copy, TimeProvider clock)
{
    public async Task<Outcome<CareEnrolment>> HandleAsync(CareEnrolmentRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.CentreId is null)
        {
            errors["centreId"] = ["请填写托养机构 / Name the centre."];
        }
        if (request.PersonId is null)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        var today = clock.TodayInChina();
        var startsOn = DateFields.Past(request.StartsOn, "startsOn", errors, today);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, CareRules.InvalidTitle);
        }
        if (await copy.FindAsync(request.PersonId!.Value, scope, cancellationToken) is not { } person)
        {
            return new Failure.NotFound("本辖区没有此在册残疾人 / No such registered person in your area");
        }
        if (!await CareRules.EligibleAsync(dataSource, person.PersonId, startsOn!.Value, cancellationToken))
        {
            return Failure.Field("personId", "托养服务对象为劳动年龄段的重度、智力或精神残疾人 / Care is for working-age persons severely disabled or with an intellectual or mental disability.",
                CareRules.InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        var outcome = await dataSource.InTransactionAsync(async transaction =>
        {
            // The centre's row locked, so that two enrolments racing for its last place take turns.
            var centre = await transaction.Command(
                    """
                    select c.kind, c.capacity, (select count(*) from care_enrolments e where e.centre_id = c.id and e.ends_on is null) as enrolled
                    from care_centres c where c.id = $1 for update
                    """, request.CentreId)
                .ReadAllAsync(reader => (Kind: reader.Get<string>("kind"), Capacity: reader.Get<int>("capacity"), Enrolled: reader.Get<long>("enrolled")),
                    cancellationToken);
            if (centre is not [var found])
            {
                return (Outcome<bool>)Failure.Field("centreId", "没有此托养机构 / No such centre.", CareRules.InvalidTitle);
            }
            if (found.Enrolled >= found.Capacity)
            {
                return new Failure.Conflict("托养机构已满员 / The centre is full", null, "capacity");
            }
            return await transaction.Command(
                    """
                    insert into care_enrolments (id, centre_id, person_id, community_code, kind, starts_on, enrolled_by)
                    values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing
                    """, id, request.CentreId, person.PersonId, person.CommunityCode, found.Kind, startsOn, by).ExecuteAsync(cancellationToken) == 1
                ? true
                : new Failure.Duplicate("此人已在接受该类托养服务 / This person is already in this kind of care");
        }, cancellationToken);
        return outcome.Succeeded ? (await CareEnrolment.FindAsync(dataSource, id, cancellationToken))! : outcome.Failure!;
    }

    public Task<Outcome<CareEnrolment>> EndAsync(Guid id, CareEndRequest request, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.StepAsync(
            async transaction => await CareEnrolment.LockAsync(transaction, id, cancellationToken) is { } found && scope.Covers(found.CommunityCode)
                ? found
                : null,
            async (transaction, found) =>
            {
                if (found.EndsOn is not null)
                {
                    return new Failure.Conflict("托养已结束 / The care has already ended", null, "status");
                }
                if (request.EndsOn is not { } day || day < found.StartsOn || day > clock.TodayInChina())
                {
                    return Failure.Field("endsOn", "结束日期在开始日期与今天之间（yyyy-MM-dd） / A date from the start to today.", CareRules.InvalidTitle);
                }
                await transaction.Command("update care_enrolments set ends_on = $2 where id = $1", id, day).ExecuteAsync(cancellationToken);
                return true;
            },
            () => CareEnrolment.FindAsync(dataSource, id, cancellationToken), cancellationToken);
}
