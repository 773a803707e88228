namespace Tianxin.Rehabilitation.Features.Eligibility;

/// <param name="Rule">The rule that failed, for machines: age, category, grade, certificate, household_status, status.</param>
public sealed record Refusal(string Rule, string Message);
