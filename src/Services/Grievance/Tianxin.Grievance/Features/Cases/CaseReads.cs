using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;

using Tianxin.Grievance.Features.Clocks;

namespace Tianxin.Grievance.Features.Cases;

public sealed record CaseSummary(Guid Id, string Number, string Kind, string Channel, string Subject, string CommunityCode, string AreaCode, string Stage,
    DateOnly ReceivedOn, DateOnly? DueOn, string? ClockStatus);

/// <summary>Cases as staff read them: the complainant masked unless a caseworker states a purpose, which is audited.</summary>
public sealed class CaseReads(NpgsqlDataSource dataSource, PersonalDataProtector protector, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<CaseView>> GetAsync(Guid id, string? purpose, Actor actor, CancellationToken cancellationToken)
    {
        if (await GrievanceCase.FindAsync(dataSource, id, actor.Scope, cancellationToken) is not { } found)
        {
            return Failure.Missing;
        }
        var unmasked = Unmasking.Allowed(actor.User, purpose) && found.ComplainantName is not null;
        if (unmasked)
        {
            await audit.RecordAsync(actor.Name, actor.User, actor.ClientAddress,
                new AuditEvent(AuditActions.PersonalDataRead, $"grievance-case:{id}", "ok", purpose), cancellationToken);
        }
        return await CaseView.ReadAsync(dataSource, found, protector, unmasked, clock.TodayInChina(), await ClockRules.AtRiskDaysAsync(dataSource, cancellationToken),
            cancellationToken);
    }

    public async Task<List<CaseSummary>> ListAsync(CaseQuery query, Actor actor, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        var atRisk = await ClockRules.AtRiskDaysAsync(dataSource, cancellationToken);
        return [.. (await GrievanceCase.ListAsync(dataSource, query, actor.Scope, cancellationToken)).Select(c => new CaseSummary(c.Id, c.Number, c.Kind,
            c.Channel, c.Subject, c.CommunityCode, c.AreaCode, c.Stage, c.ReceivedOn, c.DueOn, Clocks.ClockStatus.Of(c.DueOn, today, atRisk)))];
    }

    /// <summary>The case as a step left it, the complainant masked.</summary>
    public async Task<Outcome<CaseView>> ViewAsync(GrievanceCase found, CancellationToken cancellationToken) =>
        await CaseView.ReadAsync(dataSource, found, protector, false, clock.TodayInChina(), await ClockRules.AtRiskDaysAsync(dataSource, cancellationToken), cancellationToken);
}
