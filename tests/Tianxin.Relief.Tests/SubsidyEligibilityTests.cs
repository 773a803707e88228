using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Tests;

public sealed class SubsidyEligibilityTests
{
    private static readonly SubsidyRule Care = new(TwoSubsidies.Care, 2026, 110m, [1, 2], [], [], [], ["work_injury_care", "extreme_poverty_care"],
        ["elderly_care"]);
    private static readonly SubsidyRule Living = new(TwoSubsidies.Living, 2026, 110m, null, [], [], ["minimum_living"], ["orphan_allowance"], []);

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, true)]
    [InlineData(3, false)]
    [InlineData(4, false)]
    public void The_care_subsidy_is_for_grades_one_and_two(int grade, bool eligible) =>
        Assert.Equal(eligible, SubsidyEligibility.Unmet(Care, new Holder("active", 4, grade, [])).Count == 0);

    [Fact]
    public void Hunans_extension_to_intellectual_and_mental_disability_is_data()
    {
        var extended = Care with { ExtendedCategories = [5, 6], ExtendedGrades = [3, 4] };

        Assert.Empty(SubsidyEligibility.Unmet(extended, new Holder("active", 5, 3, [])));
        Assert.Equal(["out_of_grade"], SubsidyEligibility.Unmet(extended, new Holder("active", 4, 3, [])));
        Assert.Equal(["out_of_grade"], SubsidyEligibility.Unmet(Care, new Holder("active", 5, 3, [])));
    }

    [Fact]
    public void The_living_subsidy_needs_a_certificate_and_a_household_in_minimum_living()
    {
        Assert.Empty(SubsidyEligibility.Unmet(Living, new Holder("active", 1, 4, ["minimum_living", "alone"])));
        Assert.Equal(["household_status"], SubsidyEligibility.Unmet(Living, new Holder("active", 1, 4, ["registered_poor"])));
        Assert.Equal(["no_certificate"], SubsidyEligibility.Unmet(Living, new Holder("active", null, null, ["minimum_living"])));
    }

    [Theory]
    [InlineData("deceased")]
    [InlineData("moved_out")]
    public void A_closed_record_qualifies_for_nothing_and_says_why(string status) =>
        Assert.Equal([status], SubsidyEligibility.Unmet(Care, new Holder(status, 4, 1, [])));

    [Fact]
    public void A_household_status_named_in_the_exclusions_excludes()
    {
        var notWithExtremePoverty = Care with { ExcludedBy = ["extreme_poverty"] };

        Assert.Equal(["excluded"], SubsidyEligibility.Unmet(notWithExtremePoverty, new Holder("active", 4, 1, ["extreme_poverty"])));
    }

    [Fact]
    public void Declared_benefits_that_do_not_stack_exclude_and_with_an_elderly_care_subsidy_only_the_higher_is_paid()
    {
        Assert.Equal("work_injury_care", SubsidyEligibility.ExcludingBenefit(Care, [new OtherBenefit("work_injury_care", null)]));
        Assert.Equal("orphan_allowance", SubsidyEligibility.ExcludingBenefit(Living, [new OtherBenefit("orphan_allowance", 800m)]));
        Assert.Null(SubsidyEligibility.ExcludingBenefit(Living, [new OtherBenefit("work_injury_care", null)]));
        Assert.Equal("elderly_care", SubsidyEligibility.ExcludingBenefit(Care, [new OtherBenefit("elderly_care", 150m)]));
        Assert.Equal("elderly_care", SubsidyEligibility.ExcludingBenefit(Care, [new OtherBenefit("elderly_care", 110m)]));
        Assert.Null(SubsidyEligibility.ExcludingBenefit(Care, [new OtherBenefit("elderly_care", 60m)]));
    }
}
