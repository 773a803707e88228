using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Grievance.Features.Cases;

/// <param name="Action">assign (down to an area below), transfer (to a sibling area: 改派), return (回退, to the level above) or escalate (上报, to the level above).</param>
/// <param name="ToArea">For assign and transfer: the receiving street (9 digits) or community (12 digits).</param>
/// <param name="CommunityCode">For a transfer to another street: the case's community there (a mis-dispatched order names the wrong one).</param>
public sealed record RouteRequest(string? Action, string? ToArea, string? Handler, string? Reason, string? CommunityCode = null);

/// <summary>
/// Moves a case along district → street → community. The holder and the levels above it see the case; the
/// area it leaves (when it goes up or sideways) no longer does.
/// </summary>
public sealed class RouteCase(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public static readonly string[] Actions = ["assign", "transfer", "return", "escalate"];
    private const string Title = "流转信息有误 / The routing has errors";

    public Task<Outcome<GrievanceCase>> HandleAsync(Guid id, RouteRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Action is null || !Actions.Contains(request.Action))
        {
            errors["action"] = [$"操作为 {string.Join("、", Actions)} 之一 / One of {string.Join(", ", Actions)}."];
        }
        if (request.Action is "transfer" or "return" or "escalate" && (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 500)))
        {
            errors["reason"] = ["请说明理由（不超过500字） / Give the reason, at most 500 characters."];
        }
        if (request.Handler is { } handler && !PlainText.IsValid(handler.Trim(), 50))
        {
            errors["handler"] = ["经办人不超过50字 / A handler's name of at most 50 characters."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<GrievanceCase>>(Failure.Fields(errors, Title));
        }
        return dataSource.StepAsync(transaction => GrievanceCase.LockAsync(transaction, id, actor.Scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Stage is "closed" or "not_accepted")
            {
                return new Failure.Conflict("案件已办结，不能流转 / A closed case is not routed", null, "closed");
            }
            var holder = AreaCode.TryParse(found.AreaCode)!;
            var target = Target(request, holder, found.CommunityCode);
            if (target.Failure is { } refused)
            {
                return refused;
            }
            var to = target.Value;
            var community = CommunityAfter(request, to, found.CommunityCode);
            if (community is null)
            {
                return Failure.Field("communityCode", "改派到其他街道时请填写该街道内的社区代码 / Name the case's community in the receiving street.", Title);
            }
            await transaction.Command("update grievance_cases set area_code = $2, handler = $3, community_code = $4 where id = $1", id, to.Value,
                    request.Action == "assign" ? request.Handler?.Trim() : null, community)
                .ExecuteAsync(cancellationToken);
            if (found.Kind == "work_order" && request.Action == "transfer")
            {
                await transaction.Command("update work_orders set reassignments = reassignments + 1, feed_position = nextval('work_order_feed') where case_id = $1",
                    id).ExecuteAsync(cancellationToken);
            }
            await CaseRecords.StepAsync(transaction, id, request.Action!, holder.Value, to.Value, request.Handler?.Trim(), request.Reason?.Trim(), actor.Name,
                cancellationToken);
            await outbox.EnqueueAsync(transaction, new GrievanceRouted(id, request.Action!, holder.Value, to.Value, request.Handler?.Trim(),
                request.Reason?.Trim(), clock.GetUtcNow()), cancellationToken);
            return true;
        }, () => GrievanceCase.FindAsync(dataSource, id, AreaScope.District, cancellationToken), cancellationToken);
    }

    /// <summary>Where the action sends the case: below the holder and above the case's community, beside it, or one level up.</summary>
    private static Outcome<AreaCode> Target(RouteRequest request, AreaCode holder, string communityCode)
    {
        if (request.Action is "return" or "escalate")
        {
            return Parent(holder) is { } parent
                ? parent
                : new Failure.Conflict("区级为最高层级；越级情况请登记“越级上访” / The district is the top level; record an escalation beyond it instead",
                    null, "top_level");
        }
        var to = AreaCode.TryParse(request.ToArea);
        var valid = request.Action == "assign"
            ? to is not null && to.Level > holder.Level && holder.Covers(to) && to.Covers(AreaCode.TryParse(communityCode)!)
            : to is not null && to.Level == holder.Level && to != holder && Parent(to) == Parent(holder) && to.Level != AreaLevel.District;
        return valid
            ? to!
            : Failure.Field("toArea", request.Action == "assign"
                ? "交办对象须为本级以下、案件所在社区之上的街道或社区 / Assign to a street or community below the holder that covers the case's community."
                : "改派对象须为同一上级下的其他街道或社区 / Transfer to another area under the same parent.", Title);
    }

    private static string? CommunityAfter(RouteRequest request, AreaCode to, string communityCode)
    {
        if (request.Action != "transfer" || to.Covers(AreaCode.TryParse(communityCode)!))
        {
            return communityCode;
        }
        if (to.Level == AreaLevel.Community)
        {
            return to.Value;
        }
        return AreaCode.TryParse(request.CommunityCode) is { Level: AreaLevel.Community } named && to.Covers(named) ? named.Value : null;
    }

    private static AreaCode? Parent(AreaCode area) => area.Level switch
    {
        AreaLevel.Community => AreaCode.TryParse(area.Value[..9]),
        AreaLevel.Street => AreaCode.District,
        _ => null,
    };
}
