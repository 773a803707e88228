using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Seekers;

/// <param name="Kind">employer or concentrated_base (name the employer or base), self_employed, flexible (灵活/网络就业) or public_welfare_post.</param>
/// <param name="PostId">For public_welfare_post: the post held (公益性岗位), if the federation funds it.</param>
public sealed record EmploymentStartRequest(string? Kind, Guid? EmployerId, DateOnly? StartedOn, Guid? PostId = null);

/// <param name="Reason">Why it ended, e.g. 合同到期, 辞职, 被辞退.</param>
public sealed record EmploymentEndRequest(DateOnly? EndedOn, string? Reason);

/// <summary>Staff record a certificate holder's employment starting or ending (employment status over time).</summary>
public sealed class RecordEmployment(NpgsqlDataSource dataSource, EligibilityCopy copy, EmploymentRecords records, TimeProvider clock)
{
    private const string InvalidTitle = "就业信息有误 / The employment has errors";

    public async Task<Outcome<EmploymentRecord>> StartAsync(Guid personId, EmploymentStartRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Kind is null || !EmploymentRecord.Kinds.Contains(request.Kind))
        {
            errors["kind"] = [$"就业形式为 {string.Join("、", EmploymentRecord.Kinds)} 之一 / One of {string.Join(", ", EmploymentRecord.Kinds)}."];
        }
        else if ((request.Kind is "employer" or "concentrated_base") != request.EmployerId.HasValue)
        {
            errors["employerId"] = ["用人单位或集中就业基地须填写单位，其他形式不填 / Name the employer (or the base) for those kinds, and only then."];
        }
        if (request.PostId is not null && request.Kind != "public_welfare_post")
        {
            errors["postId"] = ["只有公益性岗位就业填写岗位 / A post is named for kind public_welfare_post only."];
        }
        var startedOn = DateFields.Past(request.StartedOn, "startedOn", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await copy.FindAsync(personId, scope, cancellationToken) is not { Status: "active", Grade: not null } person)
        {
            return new Failure.NotFound("本辖区没有此持证残疾人 / No such certificate holder in your area");
        }
        if (request.EmployerId is { } employerId
            && !await dataSource.Command("select exists (select 1 from employers where id = $1)", employerId).ScalarAsync<bool>(cancellationToken))
        {
            return Failure.Field("employerId", "没有此用人单位 / No such employer.", InvalidTitle);
        }
        var started = await dataSource.InTransactionAsync(
            transaction => records.StartAsync(transaction, person, request.Kind!, request.EmployerId, startedOn!.Value, "staff", by, cancellationToken,
                request.PostId),
            cancellationToken);
        return started.Succeeded ? (await EmploymentRecord.FindAsync(dataSource, started.Value, cancellationToken))! : started.Failure!;
    }

    public async Task<Outcome<EmploymentRecord>> EndAsync(Guid personId, EmploymentEndRequest request, AreaScope scope, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var endedOn = DateFields.Past(request.EndedOn, "endedOn", errors, clock.TodayInChina());
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 100))
        {
            errors["reason"] = ["请填写结束原因（不超过100字） / Give the reason, at most 100 characters."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        Guid? ended = null;
        var outcome = await dataSource.InTransactionAsync(async transaction =>
        {
            if (await EmploymentRecord.LockOpenAsync(transaction, personId, cancellationToken) is not { } current || !scope.Covers(current.CommunityCode))
            {
                return (Outcome<bool>)new Failure.NotFound("此人当前没有就业记录 / This person has no current employment");
            }
            if (endedOn < current.StartedOn)
            {
                return Failure.Field("endedOn", "结束日期不能早于开始日期 / It ends on or after the day it started.", InvalidTitle);
            }
            await records.EndAsync(transaction, current, endedOn!.Value, request.Reason!.Trim(), cancellationToken);
            ended = current.Id;
            return true;
        }, cancellationToken);
        return outcome.Succeeded ? (await EmploymentRecord.FindAsync(dataSource, ended!.Value, cancellationToken))! : outcome.Failure!;
    }
}
