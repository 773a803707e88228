using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Registry;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Cases;
using Tianxin.Relief.Features.Schooling;

namespace Tianxin.Relief.Features.EducationAid;

/// <param name="PersonId">The disabled student, or the disabled parent of the child.</param>
/// <param name="Student">self (the person studies) or child (a child of the person's household).</param>
/// <param name="ChildMemberId">For a child: their member id in the registry's household (the child need not be in the registry).</param>
/// <param name="Stage">The school stage; for a disabled student the education bureau's report of the year gives it when left out.</param>
public sealed record EducationAidRequest(Guid? PersonId, string? Student, Guid? ChildMemberId, string? Stage, int? Year);

/// <summary>
/// An education-aid case (就学救助) at the year's amount for the stage: for a disabled student, or for a child of a
/// certificate holder whose household is registered poor, in 低保 or in 特困. One aid per student and year; it is
/// then granted like any relief case, within the budget and the limits.
/// </summary>
public sealed class ApplyForEducationAid(NpgsqlDataSource dataSource, EligibilityCopy eligibility, TimeProvider clock)
{
    public const string Programme = "education_aid";
    private const string InvalidTitle = "就学救助申请有误 / The education aid application has errors";

    public async Task<Outcome<ReliefCase>> HandleAsync(EducationAidRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        var errors = new Dictionary<string, string[]>();
        if (request.Student is not ("self" or "child"))
        {
            errors["student"] = ["受助学生为 self（残疾学生本人）或 child（困难残疾人子女） / The student is self or child."];
        }
        else if ((request.Student == "child") != (request.ChildMemberId is { } member && member != Guid.Empty))
        {
            errors["childMemberId"] = [request.Student == "child"
                ? "请填写子女在家庭中的成员编号 / Give the child's household member id."
                : "残疾学生本人申请时不填子女 / No child for a student applying themself."];
        }
        DateFields.PastYear(request.Year, "year", errors, today);
        if (request.PersonId is null || request.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await eligibility.FindAsync(request.PersonId!.Value, scope, cancellationToken) is not { } person)
        {
            return new Failure.NotFound("本服务尚无此残疾人的资格信息 / No eligibility facts for this person here");
        }
        var reported = request.Student == "self" ? await ReportSchooling.FindAsync(dataSource, person.PersonId, request.Year!.Value, cancellationToken) : null;
        var stage = await SchoolStages.CheckAsync(dataSource, request.Stage ?? reported?.Stage, errors, cancellationToken);
        var programme = await ReliefProgramme.FindAsync(dataSource, Programme, request.Year!.Value, cancellationToken);
        if (programme is null)
        {
            errors["year"] = ["该年度没有就学救助项目 / This year has no education aid programme."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (Ineligible(person, request.Student!) is { } reason)
        {
            return new Failure.Conflict(reason, null, "education_aid_eligibility");
        }
        var rule = (await EducationAidRules.ForYearAsync(dataSource, request.Year!.Value, cancellationToken)).Single(r => r.Stage == stage!.Code);
        if (rule.Amount > programme!.PerCaseLimit)
        {
            return new Failure.Conflict("该学段标准超过项目单次上限 / The stage's amount is above the programme's limit per case",
                $"{rule.Amount:0.00} > {programme.PerCaseLimit:0.00}", "per_case");
        }
        var studentKey = request.ChildMemberId ?? person.PersonId;
        var id = Guid.CreateVersion7();
        var applied = await dataSource.InTransactionAsync(async transaction =>
        {
            // Two applications for the same student at once take turns, so only one finds no aid yet.
            await transaction.Command("select pg_advisory_xact_lock(hashtextextended($1::text || $2::text, 0))", studentKey, request.Year)
                .ExecuteAsync(cancellationToken);
            var already = await transaction.Command(
                    """
                    select exists (select 1 from education_aid a join relief_cases c on c.id = a.case_id
                                   where a.student_key = $1 and a.year = $2 and c.status <> 'refused')
                    """, studentKey, request.Year).ScalarAsync<bool>(cancellationToken);
            if (already)
            {
                return (Outcome<bool>)new Failure.Duplicate("该学生本年度已申请就学救助 / This student already has education aid this year");
            }
            await ReliefCase.InsertAsync(transaction, id, programme, person, rule.Amount, $"就学救助：{stage!.Name}", today, "bank_transfer", null, by,
                cancellationToken);
            await transaction.Command(
                """
                insert into education_aid (case_id, year, stage, student, child_member_id, household_id, student_key)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, id, request.Year, stage.Code, request.Student, request.ChildMemberId, person.HouseholdId, studentKey).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return applied.Succeeded ? (await ReliefCase.FindAsync(dataSource, id, scope, cancellationToken))! : applied.Failure!;
    }

    /// <summary>Why the person cannot be given this aid, or null when they can.</summary>
    public static string? Ineligible(PersonFacts person, string student) => (person, student) switch
    {
        ({ Status: not "active" }, _) => "此人已注销 / The person's record is closed",
        ({ Grade: null }, _) => "须持有有效残疾人证 / A valid disability certificate is needed",
        ({ HouseholdId: null }, "child") => "须登记家庭才能为子女申请 / A child's aid needs the parent's household",
        (_, "child") when !person.HouseholdFlags.Any(HouseholdStatuses.All.Contains) =>
            "子女就学救助限建档立卡、低保或特困家庭 / A child's aid is for registered-poor, 低保 or 特困 households",
        _ => null,
    };
}
