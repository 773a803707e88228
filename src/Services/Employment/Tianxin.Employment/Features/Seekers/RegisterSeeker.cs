using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Employment;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Seekers;

/// <param name="Education">none, primary, junior, senior, vocational, college, bachelor or postgraduate.</param>
/// <param name="WorkingAbility">full, partial (some hours or light work) or none.</param>
/// <param name="PreferredStreets">Street codes (nine digits) where the person would work.</param>
public sealed record SeekerRequest(
    Guid? PersonId, string? Education, IReadOnlyList<string>? Skills, string? DesiredWork, string? WorkingAbility,
    IReadOnlyList<string>? PreferredStreets);

/// <summary>求职登记: a certificate holder of working age, of the caller's area, registers once.</summary>
public sealed class RegisterSeeker(NpgsqlDataSource dataSource, EligibilityCopy copy, Outbox outbox, TimeProvider clock)
{
    public const string InvalidTitle = "求职登记信息有误 / The registration has errors";
    public static readonly string[] Educations = ["none", "primary", "junior", "senior", "vocational", "college", "bachelor", "postgraduate"];
    public static readonly string[] Abilities = ["full", "partial", "none"];

    public async Task<Outcome<Seeker>> HandleAsync(SeekerRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await copy.FindAsync(request.PersonId!.Value, scope, cancellationToken) is not { Status: "active" } facts)
        {
            return new Failure.NotFound("本辖区没有此在册残疾人 / No such registered person in your area");
        }
        var today = clock.TodayInChina();
        if (facts.Grade is null)
        {
            return Failure.Field("personId", "须持有效残疾人证 / The person holds no valid certificate.", InvalidTitle);
        }
        if (!await WorkingAge.OfWorkingAgeAsync(dataSource, facts, today, cancellationToken))
        {
            return Failure.Field("personId", "不在劳动年龄段（16周岁至法定退休年龄） / Not of working age (16 to the statutory retirement age).", InvalidTitle);
        }
        var registered = await dataSource.InTransactionAsync(async transaction =>
        {
            var inserted = await transaction.Command(
                """
                insert into seekers (person_id, community_code, education, skills, desired_work, working_ability, preferred_streets, registered_on, registered_by,
                                     employed)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9,
                        exists (select 1 from employment_records r where r.person_id = $1 and r.ended_on is null))
                on conflict do nothing
                """, facts.PersonId, facts.CommunityCode, request.Education, Clean(request.Skills), request.DesiredWork!.Trim(), request.WorkingAbility,
                (request.PreferredStreets ?? []).Distinct().ToArray(), today, by).ExecuteAsync(cancellationToken) == 1;
            if (inserted)
            {
                await outbox.EnqueueAsync(transaction, new SeekerRegistered(facts.PersonId, facts.CommunityCode, request.WorkingAbility!, today,
                    clock.GetUtcNow()), cancellationToken);
            }
            return inserted;
        }, cancellationToken);
        return registered
            ? (await Seeker.FindAsync(dataSource, facts.PersonId, scope, cancellationToken))!
            : new Failure.Duplicate("此人已做求职登记 / This person is already registered as a job seeker");
    }

    private static Dictionary<string, string[]> Validate(SeekerRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PersonId is null || request.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        if (request.Education is null || !Educations.Contains(request.Education))
        {
            errors["education"] = [$"学历为 {string.Join("、", Educations)} 之一 / One of {string.Join(", ", Educations)}."];
        }
        if (request.Skills is { } skills && (skills.Count > 10 || skills.Any(s => string.IsNullOrWhiteSpace(s) || !PlainText.IsValid(s.Trim(), 20))))
        {
            errors["skills"] = ["技能最多10项，每项不超过20字 / At most 10 skills of at most 20 characters each."];
        }
        if (string.IsNullOrWhiteSpace(request.DesiredWork) || !PlainText.IsValid(request.DesiredWork.Trim(), 50))
        {
            errors["desiredWork"] = ["请填写求职意向（不超过50字） / Give the work wanted, at most 50 characters."];
        }
        if (request.WorkingAbility is null || !Abilities.Contains(request.WorkingAbility))
        {
            errors["workingAbility"] = ["劳动能力为 full（完全）、partial（部分）或 none（无） / full, partial or none."];
        }
        if (request.PreferredStreets is { } streets
            && (streets.Count > 14 || streets.Any(s => AreaCode.TryParse(s) is not { Level: AreaLevel.Street } street || !AreaCode.District.Covers(street))))
        {
            errors["preferredStreets"] = ["意向街道为本区街道代码（9位） / Street codes of this district (nine digits)."];
        }
        return errors;
    }

    private static string[] Clean(IReadOnlyList<string>? skills) => (skills ?? []).Select(s => s.Trim()).Distinct().ToArray();
}
