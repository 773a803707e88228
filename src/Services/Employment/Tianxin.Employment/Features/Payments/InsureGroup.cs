using System.Globalization;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Payments;

/// <param name="Premium">Per person, at most the programme's standard.</param>
/// <param name="MaxGrade">Holders of this grade or more severe are insured (2: grades 1–2).</param>
/// <param name="RegisteredPoor">Holders of registered-poor households are insured whatever their grade.</param>
public sealed record GroupPolicyRequest(decimal? Premium, int? MaxGrade, bool? RegisteredPoor);

/// <param name="Eligible">Holders of the caller's area the selection names.</param>
/// <param name="AlreadyInsured">Already paid for the programme's year (an earlier enrolment).</param>
/// <param name="NotInsured">Left out because the budget ran out; their enrolment waits for more budget.</param>
public sealed record GroupPolicyResult(int Eligible, int Insured, int AlreadyInsured, int NotInsured, decimal BudgetLeft);

/// <summary>
/// 团体意外伤害保险: a group policy enrols, from the eligibility copy, every active certificate holder of the
/// caller's area the selection names, each paid once for the year at the premium through the ledger; enrolling
/// again adds only those not yet insured, and the budget is never overspent.
/// </summary>
public sealed class InsureGroup(NpgsqlDataSource dataSource, ProgrammePayments payments)
{
    public async Task<Outcome<GroupPolicyResult>> HandleAsync(Guid programmeId, GroupPolicyRequest request, AreaScope scope, string by,
        CancellationToken cancellationToken)
    {
        if (await PaymentProgramme.FindAsync(dataSource, programmeId, cancellationToken) is not { } programme)
        {
            return new Failure.NotFound("没有此补贴项目 / No such programme");
        }
        var errors = new Dictionary<string, string[]>();
        var premium = Yuan.Check(request.Premium, "premium", errors, programme.MaxAmount, positive: true);
        if (request.MaxGrade is not (null or (>= 1 and <= 4)))
        {
            errors["maxGrade"] = ["等级为1至4 / A grade of 1 to 4."];
        }
        if (programme.PeriodKind != "year")
        {
            errors["programmeId"] = ["团体保险按年发放，须为按年项目 / A group policy is paid once a year: choose a yearly programme."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "团体保险信息有误 / The group policy has errors");
        }
        var insured = await dataSource.Command(
                """
                select person_id from eligibility_persons
                where community_code like $1 and status = 'active' and grade is not null
                  and (grade <= $2 or ($3 and 'registered_poor' = any (household_flags)))
                order by person_id
                """, scope.Area.LikePattern, (short)(request.MaxGrade ?? 2), request.RegisteredPoor ?? true)
            .ReadAllAsync(reader => reader.Get<Guid>("person_id"), cancellationToken);
        var done = await payments.PayEachAsync(programme, insured, programme.Year.ToString(CultureInfo.InvariantCulture), premium!.Value, by,
            cancellationToken);
        var line = (await PaymentProgramme.FindAsync(dataSource, programmeId, cancellationToken))!;
        return new GroupPolicyResult(insured.Count, done.Paid, done.AlreadyPaid, done.NotPaid, line.Left);
    }
}
