using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Rehabilitation.Features.Eligibility;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Applications;

public sealed record SubmitApplicationRequest(Guid? PersonId, Guid? ProgrammeId);

/// <summary>An application for a person, decided on this service's copy of the registry's facts; every failed rule is named.</summary>
public sealed class SubmitApplication(NpgsqlDataSource dataSource, EligibilityCopy eligibility, TimeProvider clock)
{
    public const string NotEligibleTitle = "不符合项目条件 / Not eligible for this programme";

    /// <summary>Staff apply for persons of their area.</summary>
    public async Task<Outcome<Application>> HandleAsync(SubmitApplicationRequest request, AreaScope scope, string submittedBy,
        CancellationToken cancellationToken) =>
        request.ProgrammeId is { } id && await Programme.FindAsync(dataSource, id, cancellationToken) is { } programme
            ? await SubmitAsync(request.PersonId, programme, scope, submittedBy, forPartner: false, cancellationToken)
            : Failure.Field("programmeId", "没有此项目 / No such programme.", NotEligibleTitle);

    /// <summary>
    /// Partner institutions have no area: they apply district-wide, but only to programmes they are contracted for, and
    /// learn whether the person is eligible, not why (<see cref="EligibilityRules.ForPartner"/>).
    /// </summary>
    public async Task<Outcome<Application>> ForInstitutionAsync(Guid personId, string programmeCode, int year, string institution,
        CancellationToken cancellationToken) =>
        await Programme.FindContractedAsync(dataSource, programmeCode, year, institution, cancellationToken) is { } programme
            ? await SubmitAsync(personId, programme, AreaScope.District, institution, forPartner: true, cancellationToken)
            : Failure.Field("programmeCode", "该年度没有贵机构承担的此项目 / No such programme of that year contracted to you.",
                "申请信息有误 / The application has errors");

    private async Task<Outcome<Application>> SubmitAsync(Guid? personId, Programme programme, AreaScope scope, string submittedBy, bool forPartner,
        CancellationToken cancellationToken)
    {
        if (personId is not { } person || await eligibility.FindAsync(person, scope, cancellationToken) is not { } facts)
        {
            return new Failure.NotFound("本服务尚无此残疾人的资格信息 / No eligibility facts for this person here");
        }
        if (EligibilityRules.Check(programme, facts, clock.TodayInChina()) is { Count: > 0 } refusals)
        {
            return Failure.Fields(forPartner ? EligibilityRules.ForPartner(refusals) : refusals.ToDictionary(r => r.Rule, r => new[] { r.Message }),
                NotEligibleTitle);
        }
        var id = Guid.CreateVersion7();
        var inserted = await dataSource.Command(
            """
            insert into applications (id, programme_id, person_id, community_code, registered_poor, amount, submitted_by)
            values ($1, $2, $3, $4, $5, $6, $7)
            on conflict (person_id, programme_id) where status in ('submitted', 'approved') do nothing
            """, id, programme.Id, person, facts.CommunityCode, facts.IsRegisteredPoor, programme.AmountPerCase, submittedBy)
            .ExecuteAsync(cancellationToken);
        return inserted == 0
            ? new Failure.Duplicate("该残疾人已有此项目未结申请 / This person already has an open application to this programme")
            : (await Application.FindAsync(dataSource, id, cancellationToken))!;
    }
}
