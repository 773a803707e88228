namespace Tianxin.Rehabilitation.Features.Programmes;

/// <summary>A person's facts as this service's copy holds them (from the registry's events).</summary>
public sealed record PersonFacts(
    Guid PersonId, DateOnly BirthDate, string CommunityCode, string Status, int? Category, int? Grade, IReadOnlyList<string> HouseholdFlags);

/// <param name="Rule">The rule that failed, for machines: age, category, grade, certificate, household_status, status.</param>
public sealed record Refusal(string Rule, string Message);

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
        var age = AgeOn(person.BirthDate, today);
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

    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        return birthDate.AddYears(age) > day ? age - 1 : age;
    }
}
