using Tianxin.Eligibility;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.Eligibility;

/// <summary>A programme's rules applied to a person's facts: every rule that fails is named.</summary>
public static class EligibilityRules
{
    public static IReadOnlyList<Refusal> Check(Programme programme, PersonFacts person, DateOnly today)
    {
        var refusals = new List<Refusal>();
        if (person.Status != "active")
        {
            refusals.Add(new("status", "该残疾人已注销 / The person's record is closed."));
        }
        var age = person.AgeOn(today);
        if (age < (programme.MinAge ?? 0) || age > (programme.MaxAge ?? int.MaxValue))
        {
            refusals.Add(new("age", $"年龄{age}岁不在项目范围{programme.MinAge ?? 0}至{programme.MaxAge?.ToString() ?? "不限"}岁内 / Age {age} is outside the programme's range."));
        }
        if (programme.RequiresCertificate && person.Category is null)
        {
            refusals.Add(new("certificate", "无有效残疾人证 / No valid disability certificate."));
        }
        if (programme.Categories is { } categories && !(person.Category is { } category && categories.Contains(category)))
        {
            refusals.Add(new("category", $"残疾类别不在项目范围（{string.Join("、", categories)}）内 / The disability category is not covered."));
        }
        if (programme.Grades is { } grades && !(person.Grade is { } grade && grades.Contains(grade)))
        {
            refusals.Add(new("grade", $"残疾等级不在项目范围（{string.Join("、", grades)}）内 / The disability grade is not covered."));
        }
        if (programme.RequiredStatuses is { Length: > 0 } statuses && !statuses.Any(person.HouseholdFlags.Contains))
        {
            refusals.Add(new("household_status", $"家庭状态须为其一：{string.Join("、", statuses)} / The household needs one of these statuses."));
        }
        return refusals;
    }

    /// <summary>
    /// What a partner institution is told: that the person is not eligible, and whether the certificate is missing (a
    /// document it can ask for); never the facts behind the other rules (age, category, household status), which are
    /// for staff who work with the person.
    /// </summary>
    public static Dictionary<string, string[]> ForPartner(IReadOnlyList<Refusal> refusals)
    {
        var answer = refusals.Where(r => r.Rule == "certificate").ToDictionary(r => r.Rule, r => new[] { r.Message });
        if (refusals.Any(r => r.Rule != "certificate"))
        {
            answer["personId"] = ["不符合项目条件，原因请向街道或区残联了解 / Not eligible for this programme; the street or the district federation can say why."];
        }
        return answer;
    }
}
