using Tianxin.Employment.Features.Employers;

namespace Tianxin.Employment.Tests;

/// <summary>The migration's 2026 rule: 1.5%, grade 1–2 counting twice, 30 staff or fewer exempt, wage capped at 2 × 100,000.00.</summary>
public sealed class QuotaAssessmentTests
{
    private static readonly QuotaRule Rule = new(2026, 0.015m, 2, 30, 100_000m, 2m, 0.25m, 10);

    private static QuotaAssessment Assess(int headcount, int disabled, int severe, decimal wage) =>
        QuotaAssessment.Of(Rule, new EmployerYear(Guid.NewGuid(), 2026, headcount, disabled, severe, wage));

    [Fact]
    public void Employers_of_29_and_30_staff_owe_a_fraction_of_a_place_but_are_exempt_from_the_fund()
    {
        var small = Assess(29, 0, 0, 80_000m);
        var thirty = Assess(30, 0, 0, 80_000m);

        Assert.Equal((0.435m, 0.435m, 0m, true, false), (small.Required, small.Shortfall, small.Fund, small.Exempt, small.Compliant));
        Assert.Equal((0.45m, 0m, true), (thirty.Required, thirty.Fund, thirty.Exempt));
    }

    [Fact]
    public void An_employer_of_31_staff_pays_for_its_shortfall_times_its_wage()
    {
        var assessment = Assess(31, 0, 0, 80_000m);

        // 31 × 1.5% = 0.465; 0.465 × 80,000.00 = 37,200.00.
        Assert.Equal((0.465m, 0.465m, 37_200.00m, false), (assessment.Required, assessment.Shortfall, assessment.Fund, assessment.Exempt));
    }

    [Fact]
    public void A_grade_one_employee_counts_twice()
    {
        var severe = Assess(150, 1, 1, 90_000m);
        var moderate = Assess(150, 1, 0, 90_000m);

        // 150 × 1.5% = 2.25; a grade 1–2 employee counts 2 → 0.25 short × 90,000.00 = 22,500.00.
        Assert.Equal((2.25m, 2m, 0.25m, 22_500.00m), (severe.Required, severe.Counted, severe.Shortfall, severe.Fund));
        // A grade 3–4 employee counts 1 → 1.25 short × 90,000.00 = 112,500.00.
        Assert.Equal((1m, 1.25m, 112_500.00m), (moderate.Counted, moderate.Shortfall, moderate.Fund));
    }

    [Fact]
    public void A_large_employers_wage_is_capped_at_twice_the_local_average()
    {
        var shortOf = Assess(1_000, 8, 3, 250_000m);
        var enough = Assess(1_000, 8, 8, 250_000m);

        // 1,000 × 1.5% = 15; 5 grade 3–4 + 3 × 2 grade 1–2 = 11 → 4 short × min(250,000.00, 200,000.00) = 800,000.00.
        Assert.Equal((15m, 11m, 4m, 200_000m, 800_000.00m, false),
            (shortOf.Required, shortOf.Counted, shortOf.Shortfall, shortOf.WageBase, shortOf.Fund, shortOf.Compliant));
        // 8 × 2 = 16 ≥ 15: compliant, nothing owed.
        Assert.Equal((16m, 0m, 0m, true), (enough.Counted, enough.Shortfall, enough.Fund, enough.Compliant));
    }

    [Fact]
    public void A_concentrated_employment_unit_needs_a_quarter_of_staff_and_ten_people()
    {
        Assert.True(Assess(40, 10, 0, 50_000m).Concentrated);
        Assert.False(Assess(36, 9, 0, 50_000m).Concentrated); // a quarter, but nine people
        Assert.False(Assess(100, 20, 0, 50_000m).Concentrated); // twenty people, a fifth
    }
}
