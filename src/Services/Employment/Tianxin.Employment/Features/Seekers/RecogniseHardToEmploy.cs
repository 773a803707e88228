using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.Employment.Features.Seekers;

/// <param name="Recognised">False withdraws the status.</param>
public sealed record HardToEmployRequest(Guid? PersonId, bool Recognised, DateOnly? On);

/// <summary>就业困难人员: the HR bureau's recognition of a registered seeker, which matching puts first.</summary>
public sealed class RecogniseHardToEmploy(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<Outcome<Seeker>> HandleAsync(HardToEmployRequest request, AreaScope scope, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PersonId is null || request.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        var on = DateFields.Past(request.On, "on", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Failure.Fields(errors);
        }
        var updated = await dataSource.Command(
            """
            update seekers set hard_to_employ = $2, hard_to_employ_on = $3, updated_at = now()
            where person_id = $1 and community_code like $4
            """, request.PersonId, request.Recognised, request.Recognised ? on : null, scope.Area.LikePattern).ExecuteAsync(cancellationToken);
        return updated == 1 && await Seeker.FindAsync(dataSource, request.PersonId!.Value, scope, cancellationToken) is { } seeker
            ? seeker
            : new Failure.NotFound("没有此求职登记 / No such registered seeker");
    }
}
