using Tianxin.Eligibility;
using Tianxin.Rehabilitation.Features.Eligibility;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Tests;

public sealed class EligibilityRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);

    /// <summary>贫困残疾儿童康复救助: 0–17, intellectual or autism-like categories, registered-poor or 低保 households.</summary>
    private static readonly Programme ChildAid = new(Guid.NewGuid(), "child_aid", 2026, "贫困残疾儿童康复救助", 0, 17, [5, 6], null, true,
        ["registered_poor", "minimum_living"], 16_660.00m, 5_131_600.00m, 0m, 0m, ["rehab-institution-1"], 1);

    private static PersonFacts Child(DateOnly birthDate, int? category = 5, string[]? flags = null, string status = "active") =>
        new(Guid.NewGuid(), birthDate, "female", "430103001001", status, category, category is null ? null : 2, flags ?? ["minimum_living"], null);

    [Fact]
    public void An_eligible_child_passes_every_rule() =>
        Assert.Empty(EligibilityRules.Check(ChildAid, Child(new DateOnly(2018, 5, 1)), Today));

    [Fact]
    public void Every_failed_rule_is_named()
    {
        var refusals = EligibilityRules.Check(ChildAid, Child(new DateOnly(1990, 1, 1), category: 4, flags: [], status: "deceased"), Today);

        Assert.Equal(["age", "category", "household_status", "status"], refusals.Select(r => r.Rule).Order());
    }

    [Theory]
    [InlineData("2008-11-29", 18)] // eighteen today: no longer a child
    [InlineData("2008-11-30", 17)] // eighteen tomorrow
    public void Age_counts_whole_years_on_the_day(string birthDate, int age) =>
        Assert.Equal(age, Child(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture)).AgeOn(Today));

    [Fact]
    public void Without_a_certificate_a_programme_that_requires_one_refuses()
    {
        var refusals = EligibilityRules.Check(ChildAid, Child(new DateOnly(2018, 5, 1), category: null), Today);

        Assert.Contains(refusals, r => r.Rule == "certificate");
    }

    [Fact]
    public void A_partner_learns_that_the_person_is_not_eligible_never_their_age_category_or_household_status()
    {
        var refusals = EligibilityRules.Check(ChildAid, Child(new DateOnly(1990, 1, 1), category: 4, flags: []), Today);

        var told = EligibilityRules.ForPartner(refusals);

        Assert.Equal(["personId"], told.Keys);
        Assert.DoesNotContain(told["personId"], m => m.Contains("36", StringComparison.Ordinal) || m.Contains("minimum_living", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Message.Contains("年龄36岁", StringComparison.Ordinal)); // what staff are told instead
    }

    [Fact]
    public void A_partner_is_told_when_the_certificate_is_missing_a_document_it_can_ask_for()
    {
        var told = EligibilityRules.ForPartner(EligibilityRules.Check(ChildAid, Child(new DateOnly(2018, 5, 1), category: null), Today));

        Assert.Equal(["certificate", "personId"], told.Keys.Order());
    }
}
