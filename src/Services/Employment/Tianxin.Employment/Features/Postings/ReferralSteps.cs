using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Seekers;

namespace Tianxin.Employment.Features.Postings;

public sealed record InterviewRequest(DateOnly? On);

/// <param name="StartedOn">For a hire: the first day of work.</param>
/// <param name="Reason">Why not hired (required then), or a note on the hire.</param>
public sealed record HireDecisionRequest(bool Hired, DateOnly? StartedOn, string? Reason);

/// <summary>A referral's interview, then hired (an employment record with the posting's employer) or not, with the reason.</summary>
public sealed class ReferralSteps(NpgsqlDataSource dataSource, EligibilityCopy copy, EmploymentRecords records, TimeProvider clock)
{
    private const string InvalidTitle = "推荐结果有误 / The referral's outcome has errors";

    public Task<Outcome<Referral>> InterviewAsync(Guid id, InterviewRequest request, AreaScope scope, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var on = DateFields.Past(request.On, "on", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<Referral>>(Failure.Fields(errors, InvalidTitle));
        }
        return dataSource.StepAsync(transaction => Referral.LockAsync(transaction, id, scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Status != "referred")
            {
                return new Failure.Conflict("只能为已推荐的人员登记面试 / Only a referred seeker is interviewed", null, "status");
            }
            await transaction.Command("update referrals set status = 'interviewed', interviewed_on = $2 where id = $1", id, on)
                .ExecuteAsync(cancellationToken);
            return true;
        }, () => Referral.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }

    public Task<Outcome<Referral>> DecideAsync(Guid id, HireDecisionRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var today = clock.TodayInChina();
        var startedOn = request.Hired ? DateFields.Past(request.StartedOn, "startedOn", errors, today) : null;
        if (request.Reason is { } reason && !PlainText.IsValid(reason.Trim(), 200) || !request.Hired && string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["未录用须填写原因（不超过200字） / Give the reason when not hired, at most 200 characters."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<Referral>>(Failure.Fields(errors, InvalidTitle));
        }
        return dataSource.StepAsync(transaction => Referral.LockAsync(transaction, id, scope, cancellationToken), async (transaction, found) =>
        {
            if (found.Status is "hired" or "not_hired")
            {
                return new Failure.Conflict("该推荐已有结果 / This referral already has its outcome", null, "status");
            }
            Guid? recordId = null;
            if (request.Hired)
            {
                if (startedOn < found.InterviewedOn)
                {
                    return Failure.Field("startedOn", "上岗日期不能早于面试日期 / Work starts on or after the interview.", InvalidTitle);
                }
                var posting = (await Posting.FindAsync(dataSource, found.PostingId, cancellationToken))!;
                if (await copy.FindAsync(found.PersonId, scope, cancellationToken) is not { } person)
                {
                    return new Failure.Conflict("此人已不在本辖区 / The person is no longer in your area", null, "area");
                }
                var started = await records.StartAsync(transaction, person, "employer", posting.EmployerId, startedOn!.Value, $"referral:{id}", by,
                    cancellationToken);
                if (!started.Succeeded)
                {
                    return started.Failure!;
                }
                recordId = started.Value;
            }
            await transaction.Command(
                "update referrals set status = $2, decided_on = $3, reason = $4, employment_record_id = $5 where id = $1",
                id, request.Hired ? "hired" : "not_hired", today, request.Reason?.Trim(), recordId).ExecuteAsync(cancellationToken);
            return true;
        }, () => Referral.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
    }
}
