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

namespace Tianxin.Grievance.Features.LegalAid;

/// <param name="CaseId">The grievance that led to it, if any.</param>
/// <param name="Firm">The contracted law firm's client id, or none for the legal aid station itself.</param>
public sealed record LegalAidRequest(Guid? CaseId, Guid? PersonId, string? CommunityCode, string? Matter, string? Firm);

/// <param name="Kind">consultation or action.</param>
public sealed record LegalAidActionRequest(string? Kind, DateOnly? On, string? Note);

/// <summary>法律救助: a case opened by staff for the station or a firm; the firm accepts it, records what it did and closes it with an outcome.</summary>
public sealed class LegalAidSteps(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    private const string Title = "法律救助信息有误 / The legal aid case has errors";

    public async Task<Outcome<LegalAidCase>> OpenAsync(LegalAidRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !actor.Scope.Covers(community.Value))
        {
            errors["communityCode"] = ["请填写本辖区内的社区代码（12位） / A community code (12 digits) within your area."];
        }
        if (string.IsNullOrWhiteSpace(request.Matter) || !PlainText.IsValid(request.Matter.Trim(), 1000))
        {
            errors["matter"] = ["请填写法律事项（不超过1000字） / The legal matter, at most 1,000 characters."];
        }
        if (request.Firm is { } firm && !await dataSource.Command("select exists (select 1 from law_firms where client_id = $1)", firm)
                .ScalarAsync<bool>(cancellationToken))
        {
            errors["firm"] = ["不是签约律师事务所 / Not a contracted law firm."];
        }
        if (request.CaseId is { } caseId && !await dataSource.Command("select exists (select 1 from grievance_cases where id = $1 and area_code like $2)",
                caseId, actor.Scope.Area.LikePattern).ScalarAsync<bool>(cancellationToken))
        {
            errors["caseId"] = ["本辖区没有此案件 / No such case in your area."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, Title);
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            """
            insert into legal_aid_cases (id, case_id, person_id, community_code, matter, firm, status, opened_on, accepted_on, opened_by)
            values ($1, $2, $3, $4, $5, $6, case when $6::text is null then 'accepted' else 'open' end, $7, case when $6::text is null then $7 end, $8)
            """, id, request.CaseId, request.PersonId, request.CommunityCode, request.Matter!.Trim(), request.Firm, clock.TodayInChina(), actor.Name)
            .ExecuteAsync(cancellationToken);
        return (await LegalAidCase.FindAsync(dataSource, id, LegalAidCaller.Staff(actor.Name, actor.Scope), cancellationToken))!;
    }

    public Task<Outcome<LegalAidCase>> AcceptAsync(Guid id, LegalAidCaller caller, CancellationToken cancellationToken) =>
        StepAsync(id, caller, async (transaction, found) =>
        {
            if (found.Status != "open")
            {
                return new Failure.Conflict("该案件已接受或已结案 / The case is accepted or closed already", null, "status");
            }
            await transaction.Command("update legal_aid_cases set status = 'accepted', accepted_on = $2 where id = $1", id, clock.TodayInChina())
                .ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);

    public Task<Outcome<LegalAidCase>> RecordActionAsync(Guid id, LegalAidActionRequest request, LegalAidCaller caller, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var on = DateFields.Past(request.On, "on", errors, clock.TodayInChina());
        if (request.Kind is not ("consultation" or "action"))
        {
            errors["kind"] = ["类型为 consultation（咨询）或 action（代书、调解、代理等） / consultation or action."];
        }
        if (string.IsNullOrWhiteSpace(request.Note) || !PlainText.IsValid(request.Note.Trim(), 1000))
        {
            errors["note"] = ["请填写内容（不超过1000字） / What was done, at most 1,000 characters."];
        }
        if (errors.Count > 0)
        {
            return Task.FromResult<Outcome<LegalAidCase>>(Failure.Fields(errors, Title));
        }
        return StepAsync(id, caller, async (transaction, found) =>
        {
            if (found.Status != "accepted")
            {
                return new Failure.Conflict("案件须先接受且尚未结案 / The case must be accepted and not closed", null, "status");
            }
            if (on < found.OpenedOn)
            {
                return Failure.Field("on", "日期不能早于立案日期 / Not before the case was opened.", Title);
            }
            await transaction.Command("insert into legal_aid_actions (id, legal_case_id, kind, on_day, note, by_actor) values ($1, $2, $3, $4, $5, $6)",
                Guid.CreateVersion7(), id, request.Kind, on, request.Note!.Trim(), caller.By).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new LegalAidGiven(id, request.Kind!, caller.By, on!.Value, clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<Outcome<LegalAidCase>> CloseAsync(Guid id, string? outcome, LegalAidCaller caller, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(outcome) || !PlainText.IsValid(outcome.Trim(), 500))
        {
            return Task.FromResult<Outcome<LegalAidCase>>(Failure.Field("outcome", "请填写结案结果 / Say how the case ended.", Title));
        }
        return StepAsync(id, caller, async (transaction, found) =>
        {
            if (found.Status != "accepted")
            {
                return new Failure.Conflict("只有已接受的案件可以结案 / Only an accepted case closes", null, "status");
            }
            await transaction.Command("update legal_aid_cases set status = 'closed', closed_on = $2, outcome = $3 where id = $1", id, clock.TodayInChina(),
                outcome.Trim()).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    private Task<Outcome<LegalAidCase>> StepAsync(Guid id, LegalAidCaller caller, Func<NpgsqlTransaction, LegalAidCase, Task<Outcome<bool>>> step,
        CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => LegalAidCase.LockAsync(transaction, id, caller, cancellationToken), step,
            () => LegalAidCase.FindAsync(dataSource, id, caller, cancellationToken), cancellationToken);
}
