using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Relief;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.HomeModifications;

public sealed record PlanRequest(string? Plan, decimal? Amount);

public sealed record WorksRequest(DateOnly? StartedOn);

public sealed record CompletionRequest(DateOnly? CompletedOn, decimal? Spent);

/// <summary>
/// The steps after the survey, each on the locked record: the plan takes its amount from the budget line
/// (registered-poor households first: what is left keeps room for those surveyed and waiting, at the
/// per-case limit each); the acceptance records what was spent, returns the rest and pays it once.
/// </summary>
public sealed class HomeModificationSteps(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<HomeModification>> PlanAsync(Guid id, PlanRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Plan) || !PlainText.IsValid(request.Plan.Trim(), 500))
        {
            errors["plan"] = ["请填写改造方案（不超过500字） / Describe the plan, in at most 500 characters."];
        }
        var amount = Yuan.Check(request.Amount, "amount", errors, Yuan.Ceiling, positive: true);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, SurveyHome.InvalidTitle);
        }
        return await MoveAsync(id, scope, "surveyed", async (transaction, home, programme) =>
        {
            if (amount!.Value.Amount > programme.PerCaseLimit)
            {
                return Failure.Field("amount", $"超过每户上限 {programme.PerCaseLimit:0.00} 元 / Above the limit per home.", SurveyHome.InvalidTitle);
            }
            var committed = await BudgetLines.CommitAsync(transaction, programme.Id, amount.Value, home.RegisteredPoor,
                waiting => waiting.Command(
                    """
                    select count(*) * $3::numeric from home_modifications
                    where programme_id = $1 and status = 'surveyed' and registered_poor and id <> $2
                    """, programme.Id, id, programme.PerCaseLimit).ScalarAsync<decimal>(cancellationToken), cancellationToken);
            if (!committed.Succeeded)
            {
                return committed.Failure!;
            }
            await transaction.Command(
                "update home_modifications set status = 'planned', plan = $2, amount = $3, planned_on = $4, updated_by = $5, version = version + 1 where id = $1",
                id, request.Plan!.Trim(), amount.Value.Amount, clock.TodayInChina(), by).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public async Task<Outcome<HomeModification>> StartWorksAsync(Guid id, WorksRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DateFields.Past(request.StartedOn, "startedOn", errors, clock.TodayInChina());
        return errors.Count > 0
            ? Failure.Fields(errors, SurveyHome.InvalidTitle)
            : await MoveAsync(id, scope, "planned", async (transaction, home, _) =>
            {
                await transaction.Command(
                    "update home_modifications set status = 'in_works', works_started_on = $2, updated_by = $3, version = version + 1 where id = $1",
                    id, request.StartedOn, by).ExecuteAsync(cancellationToken);
                return true;
            }, cancellationToken);
    }

    public async Task<Outcome<HomeModification>> CompleteAsync(Guid id, CompletionRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        DateFields.Past(request.CompletedOn, "completedOn", errors, clock.TodayInChina());
        var spent = Yuan.Check(request.Spent, "spent", errors, Yuan.Ceiling, positive: true);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, SurveyHome.InvalidTitle);
        }
        return await MoveAsync(id, scope, "in_works", async (transaction, home, programme) =>
        {
            if (request.CompletedOn < home.WorksStartedOn)
            {
                return Failure.Field("completedOn", "验收日期不能早于开工日期 / Not before the works started.", SurveyHome.InvalidTitle);
            }
            var settled = await BudgetLines.SettleAsync(transaction, programme.Id, Yuan.Of(home.Amount!.Value), spent!.Value, cancellationToken);
            if (!settled.Succeeded)
            {
                return settled.Failure!;
            }
            var payment = await PaymentLedger.RecordAsync(transaction, programme.Id, home.PersonId, programme.Code, id.ToString(), spent.Value,
                "bank_transfer", by, cancellationToken);
            if (!payment.Succeeded)
            {
                return payment.Failure!;
            }
            await transaction.Command(
                """
                update home_modifications set status = 'completed', completed_on = $2, spent = $3, payment_id = $4, updated_by = $5, version = version + 1
                where id = $1
                """, id, request.CompletedOn, spent.Value.Amount, payment.Value.Id, by).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new HomeModificationCompleted(id, home.PersonId, programme.Code, programme.Year, spent.Value.Amount,
                home.RegisteredPoor, home.Rural, request.CompletedOn!.Value, clock.GetUtcNow()), cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Before the works: a planned one returns its amount to the budget.</summary>
    public async Task<Outcome<HomeModification>> RefuseAsync(Guid id, RefusalRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason.Trim(), 200))
        {
            return Failure.Field("reason", "请说明理由（不超过200字） / Give the reason, in at most 200 characters.", SurveyHome.InvalidTitle);
        }
        return await MoveAsync(id, scope, ["surveyed", "planned"], async (transaction, home, programme) =>
        {
            if (home.Status == "planned")
            {
                await BudgetLines.SettleAsync(transaction, programme.Id, Yuan.Of(home.Amount!.Value), Yuan.Zero, cancellationToken);
            }
            await transaction.Command(
                "update home_modifications set status = 'refused', refusal_reason = $2, updated_by = $3, version = version + 1 where id = $1",
                id, request.Reason.Trim(), by).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    private Task<Outcome<HomeModification>> MoveAsync(Guid id, AreaScope scope, string from,
        Func<NpgsqlTransaction, HomeModification, ReliefProgramme, Task<Outcome<bool>>> step, CancellationToken cancellationToken) =>
        MoveAsync(id, scope, [from], step, cancellationToken);

    private Task<Outcome<HomeModification>> MoveAsync(Guid id, AreaScope scope, string[] from,
        Func<NpgsqlTransaction, HomeModification, ReliefProgramme, Task<Outcome<bool>>> step, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => HomeModification.LockAsync(transaction, id, scope, cancellationToken), async (transaction, home) =>
            from.Contains(home.Status)
                ? await step(transaction, home, (await ReliefProgramme.FindAsync(dataSource, home.ProgrammeId, cancellationToken))!)
                : new Failure.Conflict($"此改造当前为 {home.Status}，不在此环节 / The modification is {home.Status}, not at this step", null, "status"),
            () => HomeModification.FindAsync(dataSource, id, scope, cancellationToken), cancellationToken);
}
