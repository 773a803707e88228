using Tianxin.BuildingBlocks;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Applications;

public abstract record DeskResult
{
    public sealed record Done(Application Application) : DeskResult;
    public sealed record Invalid(Dictionary<string, string[]> Errors) : DeskResult;
    public sealed record Refused(ProblemDetails Problem) : DeskResult;
    public sealed record NotFound : DeskResult;
}

/// <summary>Decisions on applications, for the API and the demo data alike.</summary>
public sealed class ApplicationDesk(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    private DateOnly Today => clock.TodayInChina();

    /// <summary>Eligibility from this service's copy of the registry's facts; every failed rule is named.</summary>
    public async Task<DeskResult> SubmitAsync(Guid? personId, Guid? programmeId, AreaScope scope, string submittedBy,
        CancellationToken cancellationToken)
    {
        if (programmeId is not { } id || await Programme.FindAsync(dataSource, id, cancellationToken) is not { } programme)
        {
            return new DeskResult.Invalid(new() { ["programmeId"] = ["没有此项目 / No such programme."] });
        }
        if (personId is not { } person || await EligibilityCopy.FindAsync(dataSource, person, scope, cancellationToken) is not { } facts)
        {
            return new DeskResult.NotFound();
        }
        var refusals = EligibilityRules.Check(programme, facts, Today);
        if (refusals.Count > 0)
        {
            return new DeskResult.Invalid(refusals.ToDictionary(r => r.Rule, r => new[] { r.Message }));
        }
        var applicationId = Guid.CreateVersion7();
        try
        {
            await dataSource.Command(
                """
                insert into applications (id, programme_id, person_id, community_code, registered_poor, amount, submitted_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, applicationId, programme.Id, person, facts.CommunityCode, facts.HouseholdFlags.Contains("registered_poor"),
                programme.AmountPerCase, submittedBy).ExecuteAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "applications_one_open")
        {
            return new DeskResult.Refused(new ProblemDetails
            {
                Status = 409, Title = "该残疾人已有此项目未结申请 / This person already has an open application to this programme",
            });
        }
        return new DeskResult.Done((await Application.FindAsync(dataSource, applicationId, cancellationToken))!);
    }

    /// <summary>
    /// The budget is taken with one conditional UPDATE of the programme row, so concurrent approvals queue on
    /// that row and the last yuan is never granted twice; a CHECK constraint (committed ≤ budget) backs it.
    /// When the money left would not cover the registered-poor applicants still waiting, only they are approved.
    /// </summary>
    public async Task<DeskResult> ApproveAsync(Guid id, string? institution, string decidedBy, CancellationToken cancellationToken)
    {
        if (await Application.FindAsync(dataSource, id, cancellationToken) is not { } application)
        {
            return new DeskResult.NotFound();
        }
        var programme = (await Programme.FindAsync(dataSource, application.ProgrammeId, cancellationToken))!;
        if (institution is null || !programme.Institutions.Contains(institution))
        {
            return new DeskResult.Invalid(new()
            {
                ["institution"] = [$"应为本项目的合作机构：{string.Join("、", programme.Institutions)} / Not an institution contracted for this programme."],
            });
        }
        var today = Today;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The application first, so that two approvals of the same one cannot both take money.
        var status = await transaction.Command("select status from applications where id = $1 for update", id)
            .ReadAllAsync(reader => reader.GetString(0), cancellationToken);
        var committed = status is ["submitted"] ? await transaction.Command(
            """
            update programmes p set committed = p.committed + a.amount
            from applications a
            where a.id = $1 and a.status = 'submitted' and p.id = a.programme_id and p.committed + a.amount <= p.budget
              and (a.registered_poor or p.budget - p.committed - a.amount >= (
                   select coalesce(sum(w.amount), 0) from applications w
                   where w.programme_id = p.id and w.status = 'submitted' and w.registered_poor))
            """, id).ExecuteAsync(cancellationToken) : 0;
        if (committed == 0)
        {
            return new DeskResult.Refused(await WhyNotAsync(transaction, id, cancellationToken));
        }
        await transaction.Command(
            """
            update applications set status = 'approved', institution = $2, decided_by = $3, decided_on = $4, version = version + 1
            where id = $1
            """, id, institution, decidedBy, today).ExecuteAsync(cancellationToken);
        await outbox.EnqueueAsync(transaction, new ApplicationDecided(id, application.PersonId, programme.Code, programme.Year, "approved",
            application.Amount, institution, null, today, clock.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeskResult.Done((await Application.FindAsync(dataSource, id, cancellationToken))!);
    }

    public async Task<DeskResult> RejectAsync(Guid id, string? reason, string decidedBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason) || !PlainText.IsValid(reason, 200))
        {
            return new DeskResult.Invalid(new() { ["reason"] = ["请填写驳回原因（不超过200字） / Give the reason."] });
        }
        if (await Application.FindAsync(dataSource, id, cancellationToken) is not { } application)
        {
            return new DeskResult.NotFound();
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rejected = await transaction.Command(
            """
            update applications set status = 'rejected', reason = $2, decided_by = $3, decided_on = $4, version = version + 1
            where id = $1 and status = 'submitted'
            """, id, reason.Trim(), decidedBy, Today).ExecuteAsync(cancellationToken);
        if (rejected == 0)
        {
            return new DeskResult.Refused(new ProblemDetails { Status = 409, Title = "只能驳回待审批的申请 / Only a submitted application can be rejected" });
        }
        await outbox.EnqueueAsync(transaction, new ApplicationDecided(id, application.PersonId, application.ProgrammeCode, application.Year,
            "rejected", application.Amount, null, reason.Trim(), Today, clock.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeskResult.Done((await Application.FindAsync(dataSource, id, cancellationToken))!);
    }

    private static async Task<ProblemDetails> WhyNotAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken)
    {
        var state = await transaction.Command(
                """
                select a.status, p.budget - p.committed, a.amount from applications a join programmes p on p.id = a.programme_id where a.id = $1
                """, id)
            .ReadFirstOrDefaultAsync(reader => new { Status = reader.GetString(0), Left = reader.GetDecimal(1), Amount = reader.GetDecimal(2) },
                cancellationToken)
            ?? throw new InvalidOperationException($"Application {id} vanished during its approval.");
        return state switch
        {
            { Status: not "submitted" } => new ProblemDetails { Status = 409, Title = "只能批准待审批的申请 / Only a submitted application can be approved" },
            _ when state.Left < state.Amount => new ProblemDetails
            {
                Status = 409, Title = "项目预算不足 / The programme's budget is not enough",
                Detail = $"Left: {state.Left:0.00} yuan; this case: {state.Amount:0.00} yuan.",
            },
            _ => new ProblemDetails
            {
                Status = 409, Title = "预算优先保障建档立卡贫困户 / What is left is kept for registered-poor applicants waiting",
            },
        };
    }
}
