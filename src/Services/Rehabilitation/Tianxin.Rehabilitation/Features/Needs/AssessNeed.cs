using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Rehabilitation;
using Tianxin.Eligibility;

namespace Tianxin.Rehabilitation.Features.Needs;

/// <param name="ProgrammeCode">The kind of rehabilitation or device needed, as a programme code (e.g. assistive_devices).</param>
/// <param name="Source">home_visit (入户), screening (筛查) or referral (转介).</param>
public sealed record AssessNeedRequest(Guid? PersonId, string? ProgrammeCode, string? Source, DateOnly? AssessedOn);

public sealed record NeedView(Guid Id, Guid PersonId, string ProgrammeCode, int Year, string Source, DateOnly AssessedOn);

/// <summary>That a person of the caller's area needs a kind of rehabilitation or device: the denominator of coverage.</summary>
public sealed class AssessNeed(NpgsqlDataSource dataSource, EligibilityCopy eligibility, Outbox outbox, TimeProvider clock)
{
    private static readonly string[] Sources = ["home_visit", "screening", "referral"];

    public async Task<Outcome<NeedView>> HandleAsync(AssessNeedRequest request, AreaScope scope, string recordedBy, CancellationToken cancellationToken)
    {
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
            return Failure.Fields(errors, "需求信息有误 / The need has errors");
        }
        if (await eligibility.FindAsync(personId, scope, cancellationToken) is not { } person)
        {
            return Failure.Missing;
        }
        var need = new NeedView(Guid.CreateVersion7(), personId, request.ProgrammeCode!, year, request.Source!, request.AssessedOn!.Value);
        return await RecordAsync(need, person.CommunityCode, recordedBy, cancellationToken)
            ? need
            : new Failure.Duplicate("该年度已记录此需求 / This need is already recorded for the year");
    }

    /// <returns>False when the person's need for this programme is already recorded for the year.</returns>
    private Task<bool> RecordAsync(NeedView need, string communityCode, string recordedBy, CancellationToken cancellationToken) =>
        dataSource.InTransactionAsync(async transaction =>
        {
            var inserted = await transaction.Command(
                """
                insert into needs (id, person_id, programme_code, year, source, assessed_on, community_code, recorded_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                on conflict (person_id, programme_code, year) do nothing
                """, need.Id, need.PersonId, need.ProgrammeCode, need.Year, need.Source, need.AssessedOn, communityCode, recordedBy)
                .ExecuteAsync(cancellationToken) == 1;
            if (inserted)
            {
                await outbox.EnqueueAsync(transaction, new NeedAssessed(need.Id, need.PersonId, need.ProgrammeCode, need.Year, need.Source,
                    need.AssessedOn, clock.GetUtcNow()), cancellationToken);
            }
            return inserted;
        }, cancellationToken);
}
