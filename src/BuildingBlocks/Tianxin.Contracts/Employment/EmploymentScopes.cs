namespace Tianxin.Contracts.Employment;

[PartnerScopes]
public static class EmploymentScopes
{
    /// <summary>A training school (职业技能培训机构) records its own courses, enrolments, attendance and completions.</summary>
    public const string TrainingWrite = "employment.training.write";
    /// <summary>The district HR bureau (区人社局) recognises 就业困难人员 (persons hard to employ).</summary>
    public const string SeekersHr = "employment.seekers.hr";
    /// <summary>A care institution (托养机构) records the months it served its own enrolments.</summary>
    public const string CareWrite = "employment.care.write";
}
