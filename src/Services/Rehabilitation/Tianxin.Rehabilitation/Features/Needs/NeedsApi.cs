using Tianxin.BuildingBlocks;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Needs;

/// <param name="ProgrammeCode">The kind of rehabilitation or device needed, as a programme code (e.g. assistive_devices).</param>
/// <param name="Source">home_visit (入户), screening (筛查) or referral (转介).</param>
public sealed record AssessNeedRequest(Guid? PersonId, string? ProgrammeCode, string? Source, DateOnly? AssessedOn);

public sealed record NeedView(Guid Id, Guid PersonId, string ProgrammeCode, int Year, string Source, DateOnly AssessedOn);

public static class NeedsApi
{
    private static readonly string[] Sources = ["home_visit", "screening", "referral"];

    public static IEndpointRouteBuilder MapNeedsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/needs", AssessAsync).WithTags("Needs").RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("需求评估 Record that a person in your area needs a kind of rehabilitation or device (the coverage denominator)");
        return endpoints;
    }

    public static async Task<Results<Created<NeedView>, ValidationProblem, NotFound, Conflict<ProblemDetails>, ForbidHttpResult>> AssessAsync(
        AssessNeedRequest request, ClaimsPrincipal user, NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var today = clock.TodayInChina();
        var errors = new Dictionary<string, string[]>();
        if (request.Source is null || !Sources.Contains(request.Source))
        {
            errors["source"] = ["来源应为 home_visit（入户）、screening（筛查）或 referral（转介） / Unknown source."];
        }
        if (request.AssessedOn is not { } assessedOn || assessedOn > today || assessedOn.Year < 2000)
        {
            errors["assessedOn"] = ["评估日期不能晚于今天 / The assessment date is not after today."];
        }
        var year = request.AssessedOn?.Year ?? today.Year;
        var programmeExists = request.ProgrammeCode is { } code && await dataSource.Command(
                "select exists (select 1 from programmes where code = $1 and year = $2)", code, year)
            .ScalarAsync<bool>(cancellationToken);
        if (!programmeExists)
        {
            errors["programmeCode"] = ["该年度没有此项目 / No programme with this code in that year."];
        }
        if (errors.Count > 0 || request.PersonId is not { } personId)
        {
            errors.TryAdd("personId", ["请指定残疾人 / Give the person."]);
            return TypedResults.ValidationProblem(errors, title: "需求信息有误 / The need has errors");
        }
        if (await EligibilityCopy.FindAsync(dataSource, personId, scope, cancellationToken) is not { } person)
        {
            return TypedResults.NotFound();
        }
        var need = new NeedView(Guid.CreateVersion7(), personId, request.ProgrammeCode!, year, request.Source!, request.AssessedOn!.Value);
        if (!await RecordAsync(dataSource, outbox, clock, need, person.CommunityCode, Callers.NameOf(user)!, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "该年度已记录此需求 / This need is already recorded for the year" });
        }
        return TypedResults.Created($"/needs/{need.Id}", need);
    }

    /// <returns>False when the person's need for this programme is already recorded for the year.</returns>
    public static async Task<bool> RecordAsync(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock, NeedView need, string communityCode,
        string recordedBy, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await transaction.Command(
                """
                insert into needs (id, person_id, programme_code, year, source, assessed_on, community_code, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                """, need.Id, need.PersonId, need.ProgrammeCode, need.Year, need.Source, need.AssessedOn, communityCode, recordedBy)
                .ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new NeedAssessed(need.Id, need.PersonId, need.ProgrammeCode, need.Year, need.Source,
                need.AssessedOn, clock.GetUtcNow()), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }
}
