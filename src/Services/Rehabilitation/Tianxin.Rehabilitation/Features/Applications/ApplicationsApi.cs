using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Applications;

public sealed record SubmitApplicationRequest(Guid? PersonId, Guid? ProgrammeId);

/// <param name="Institution">The contracted institution (partner client id) that will deliver the service.</param>
public sealed record ApproveApplicationRequest(string? Institution);

public sealed record RejectApplicationRequest(string? Reason);

public static class ApplicationsApi
{
    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder endpoints)
    {
        var applications = endpoints.MapGroup("/applications").WithTags("Applications").RequireAuthorization(PlatformPolicies.Staff);
        applications.MapPost("/", SubmitAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("提交申请 Apply for a person in your area; when not eligible, every failed rule is named");
        applications.MapGet("/", ListAsync)
            .WithSummary("申请队列 Applications of a programme in your area, registered-poor applicants first, then by date");
        applications.MapGet("/{id:guid}", GetAsync).WithSummary("申请 One application with its sessions and devices counted");
        applications.MapPost("/{id:guid}/approval", ApproveAsync).RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("批准 Approve within the programme's budget and assign a contracted institution");
        applications.MapPost("/{id:guid}/rejection", RejectAsync).RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("驳回 Reject with a reason");
        return endpoints;
    }

    public static async Task<Results<Created<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult>> SubmitAsync(
        SubmitApplicationRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        if (request.ProgrammeId is not { } programmeId || await Programme.FindAsync(dataSource, programmeId, cancellationToken) is not { } programme)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["programmeId"] = ["没有此项目 / No such programme."] });
        }
        if (request.PersonId is not { } personId || await EligibilityCopy.FindAsync(dataSource, personId, scope, cancellationToken) is not { } person)
        {
            return TypedResults.NotFound();
        }
        var refusals = EligibilityRules.Check(programme, person, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8)));
        if (refusals.Count > 0)
        {
            return TypedResults.ValidationProblem(refusals.ToDictionary(r => r.Rule, r => new[] { r.Message }),
                title: "不符合项目条件 / Not eligible for this programme");
        }
        var id = Guid.CreateVersion7();
        try
        {
            await dataSource.Command(
                """
                insert into applications (id, programme_id, person_id, community_code, registered_poor, amount, submitted_by)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, id, programme.Id, personId, person.CommunityCode, person.HouseholdFlags.Contains("registered_poor"), programme.AmountPerCase,
                Callers.NameOf(user)).ExecuteAsync(cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "applications_one_open")
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = 409, Title = "该残疾人已有此项目未结申请 / This person already has an open application to this programme",
            });
        }
        return TypedResults.Created($"/applications/{id}", (await Application.FindAsync(dataSource, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<IReadOnlyList<Application>>, ForbidHttpResult>> ListAsync(
        Guid? programmeId, string? status, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var applications = await dataSource.Command(
                $"""
                {Application.Select}
                where a.community_code like $1 and ($2::uuid is null or a.programme_id = $2) and ($3::text is null or a.status = $3)
                order by a.registered_poor desc, a.submitted_at limit 1000
                """, scope.Area.LikePattern, programmeId, status)
            .ReadAllAsync(Application.Read, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<Application>>(applications);
    }

    public static async Task<Results<Ok<Application>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        AreaScope.Of(user) is not { } scope
            ? TypedResults.Forbid()
            : await Application.FindAsync(dataSource, id, cancellationToken) is { } application && scope.Covers(application.CommunityCode)
                ? TypedResults.Ok(application)
                : TypedResults.NotFound();

    /// <summary>
    /// The budget is taken with one conditional UPDATE of the programme row, so concurrent approvals queue on
    /// that row and the last yuan is never granted twice; a CHECK constraint (committed ≤ budget) backs it.
    /// When the money left would not cover the registered-poor applicants still waiting, only they are approved.
    /// </summary>
    public static async Task<Results<Ok<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ApproveAsync(
        Guid id, ApproveApplicationRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await Application.FindAsync(dataSource, id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }
        var programme = (await Programme.FindAsync(dataSource, application.ProgrammeId, cancellationToken))!;
        if (request.Institution is not { } institution || !programme.Institutions.Contains(institution))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["institution"] = [$"应为本项目的合作机构：{string.Join("、", programme.Institutions)} / Not an institution contracted for this programme."],
            });
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
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
            return TypedResults.Conflict(await WhyNotAsync(transaction, id, cancellationToken));
        }
        await transaction.Command(
            """
            update applications set status = 'approved', institution = $2, decided_by = $3, decided_on = $4, version = version + 1
            where id = $1
            """, id, institution, Callers.NameOf(user), today).ExecuteAsync(cancellationToken);
        await outbox.EnqueueAsync(transaction, new ApplicationDecided(id, application.PersonId, programme.Code, programme.Year, "approved",
            application.Amount, institution, null, today, clock.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await Application.FindAsync(dataSource, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<Application>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> RejectAsync(
        Guid id, RejectApplicationRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason) || !PlainText.IsValid(request.Reason, 200))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["请填写驳回原因（不超过200字） / Give the reason."] });
        }
        if (await Application.FindAsync(dataSource, id, cancellationToken) is not { } application)
        {
            return TypedResults.NotFound();
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var rejected = await transaction.Command(
            """
            update applications set status = 'rejected', reason = $2, decided_by = $3, decided_on = $4, version = version + 1
            where id = $1 and status = 'submitted'
            """, id, request.Reason.Trim(), Callers.NameOf(user), today).ExecuteAsync(cancellationToken);
        if (rejected == 0)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "只能驳回待审批的申请 / Only a submitted application can be rejected" });
        }
        await outbox.EnqueueAsync(transaction, new ApplicationDecided(id, application.PersonId, application.ProgrammeCode, application.Year,
            "rejected", application.Amount, null, request.Reason.Trim(), today, clock.GetUtcNow()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok((await Application.FindAsync(dataSource, id, cancellationToken))!);
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
