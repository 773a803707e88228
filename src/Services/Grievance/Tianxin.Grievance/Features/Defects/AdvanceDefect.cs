using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Grievance;
using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Defects;

/// <param name="To">The next state: confirmed, assigned (with the department), fixing, fixed (with a photo of the fix) or verified.</param>
public sealed record DefectStepRequest(string? To, DateOnly? On, string? Department, Guid? PhotoId);

/// <summary>
/// A defect's way to rectification, one state at a time: reported → confirmed → assigned to the responsible
/// department (its deadline set) → being fixed → fixed, shown by a photo → verified, when it leaves the list.
/// </summary>
public sealed class AdvanceDefect(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    private static readonly string[] Order = ["reported", "confirmed", "assigned", "fixing", "fixed", "verified"];

    public Task<Outcome<AccessibilityDefect>> HandleAsync(Guid id, DefectStepRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var on = DateFields.Past(request.On, "on", errors, clock.TodayInChina());
        if (request.To is null || Array.IndexOf(Order, request.To) < 1)
        {
            errors["to"] = [$"下一状态为 {string.Join("、", Order[1..])} 之一 / One of {string.Join(", ", Order[1..])}."];
        }
        if (request.To == "assigned" && (string.IsNullOrWhiteSpace(request.Department) || !PlainText.IsValid(request.Department.Trim(), 100)))
        {
            errors["department"] = ["交办须填写责任部门 / Name the responsible department."];
        }
        if (request.To == "fixed" && request.PhotoId is null)
        {
            errors["photoId"] = ["整改完成须附整改后照片 / A photo of the fix (POST /defects/{id}/photos first)."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<AccessibilityDefect>>(Failure.Fields(errors, ReportDefect.InvalidTitle));
        }
        return dataSource.StepAsync(transaction => AccessibilityDefect.LockAsync(transaction, id, actor.Scope, cancellationToken), async (transaction, found) =>
        {
            if (Array.IndexOf(Order, request.To) != Array.IndexOf(Order, found.State) + 1)
            {
                return new Failure.Conflict($"当前状态为 {found.State}，不能直接转为 {request.To} / From {found.State} the next state is not {request.To}",
                    null, "state");
            }
            if (request.To == "fixed" && !await transaction.Command(
                    "select exists (select 1 from attachments where id = $1 and owner_kind = 'defect' and owner_id = $2 and content_type like 'image/%')",
                    request.PhotoId, id).ScalarAsync<bool>(cancellationToken))
            {
                return Failure.Field("photoId", "照片须为本问题上传的图片 / A photo uploaded for this defect.", ReportDefect.InvalidTitle);
            }
            var rules = await ClockRules.ReadAsync(transaction, cancellationToken);
            var (sql, values) = request.To switch
            {
                "confirmed" => ("update accessibility_defects set state = 'confirmed', confirmed_on = $2 where id = $1", new object?[] { id, on }),
                "assigned" => ("update accessibility_defects set state = 'assigned', assigned_on = $2, department = $3, due_on = $4 where id = $1",
                    [id, on, request.Department!.Trim(), on!.Value.AddDays(rules.DefectRectification)]),
                "fixing" => ("update accessibility_defects set state = 'fixing' where id = $1", [id]),
                "fixed" => ("update accessibility_defects set state = 'fixed', fixed_on = $2, fix_photo_id = $3 where id = $1", [id, on, request.PhotoId]),
                _ => ("update accessibility_defects set state = 'verified', verified_on = $2, verified_by = $3 where id = $1", [id, on, actor.Name]),
            };
            await transaction.Command(sql, values).ExecuteAsync(cancellationToken);
            if (request.To == "fixed")
            {
                await outbox.EnqueueAsync(transaction, new AccessibilityDefectFixed(id, found.Type, found.Department!, found.CommunityCode, on!.Value,
                    clock.GetUtcNow()), cancellationToken);
            }
            return true;
        }, () => AccessibilityDefect.FindAsync(dataSource, id, AreaScope.District, cancellationToken), cancellationToken);
    }
}
