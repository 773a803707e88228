using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.HomeModifications;

/// <param name="Rural">A village household (农村), which comes first after registered-poor ones.</param>
public sealed record SurveyRequest(Guid? ProgrammeId, Guid? PersonId, bool? Rural, string? Notes, DateOnly? SurveyedOn);

/// <summary>入户调查: a caseworker surveys the home of a person of their area; one modification under way per person.</summary>
public sealed class SurveyHome(NpgsqlDataSource dataSource, EligibilityCopy eligibility, TimeProvider clock)
{
    public const string InvalidTitle = "无障碍改造信息有误 / The home modification has errors";

    public async Task<Outcome<HomeModification>> HandleAsync(SurveyRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ProgrammeId is not { } programmeId || await ReliefProgramme.FindAsync(dataSource, programmeId, cancellationToken) is null)
        {
            errors["programmeId"] = ["没有此救助项目 / No such relief programme."];
        }
        if (string.IsNullOrWhiteSpace(request.Notes) || !PlainText.IsValid(request.Notes.Trim(), 500))
        {
            errors["notes"] = ["请填写调查情况（不超过500字） / Describe what the survey found, in at most 500 characters."];
        }
        if (request.Rural is null)
        {
            errors["rural"] = ["请说明是否农村家庭 / Say whether the household is rural."];
        }
        DateFields.Past(request.SurveyedOn, "surveyedOn", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (request.PersonId is not { } person || await eligibility.FindAsync(person, scope, cancellationToken) is not { } facts)
        {
            return new Failure.NotFound("本服务尚无此残疾人的资格信息 / No eligibility facts for this person here");
        }
        var id = Guid.CreateVersion7();
        var inserted = await dataSource.Command(
            """
            insert into home_modifications (id, programme_id, person_id, community_code, registered_poor, rural, status, survey_notes, surveyed_on, updated_by)
            values ($1, $2, $3, $4, $5, $6, 'surveyed', $7, $8, $9)
            on conflict (person_id) where status in ('surveyed', 'planned', 'in_works') do nothing
            """, id, request.ProgrammeId, person, facts.CommunityCode, facts.IsRegisteredPoor, request.Rural, request.Notes!.Trim(), request.SurveyedOn,
            by).ExecuteAsync(cancellationToken);
        return inserted == 0
            ? new Failure.Duplicate("此残疾人已有进行中的无障碍改造 / This person's home modification is already under way")
            : (await HomeModification.FindAsync(dataSource, id, scope, cancellationToken))!;
    }
}
