using Tianxin.Employment.Features.Postings;

namespace Tianxin.Employment.Tests;

public sealed class MatchingTests
{
    private static readonly Posting Packing = new(Guid.NewGuid(), Guid.NewGuid(), "包装工", "430103001001", [4], 3, 4, true, "full_time", ["包装"], 2, "open");

    [Fact]
    public void A_posting_for_physical_grades_three_to_four_ranks_a_grade_three_physical_seeker_above_an_intellectual_grade_one()
    {
        var physical = new SeekerProfile(Guid.NewGuid(), "430103003001", 4, 3, [], "full", [], false);
        var intellectual = new SeekerProfile(Guid.NewGuid(), "430103001001", 5, 1, ["包装"], "full", [], false);

        var ranked = Matching.BestSeekers(Packing, [intellectual, physical], 10);

        Assert.Equal([physical.PersonId, intellectual.PersonId], ranked.Select(m => m.Id));
        Assert.Contains("适合肢体残疾3–4级 / suits physical grade 3–4", ranked[0].Reasons);
        Assert.Contains("住处相隔2个街道 / lives 2 streets away", ranked[0].Reasons);
        Assert.Contains("残疾类别或等级与岗位要求不符 / category or grade outside what the work suits", ranked[1].Reasons);
        Assert.Contains("具备技能：包装 / has the skill: 包装", ranked[1].Reasons);
    }

    [Fact]
    public void A_posting_naming_no_category_suits_every_category_within_its_grades()
    {
        var any = Packing with { Categories = [] };

        Assert.True(Matching.Suits(any, new SeekerProfile(Guid.NewGuid(), "430103001001", 2, 4, [], "full", [], false)));
        Assert.False(Matching.Suits(any, new SeekerProfile(Guid.NewGuid(), "430103001001", 2, 2, [], "full", [], false)));
    }

    [Fact]
    public void Neighbourhood_skills_and_hard_to_employ_status_each_add_their_reason()
    {
        var neighbour = new SeekerProfile(Guid.NewGuid(), "430103001001", 4, 4, ["包装"], "partial", ["430103001"], true);

        var match = Matching.Score(Packing with { Hours = "part_time" }, neighbour, neighbour.PersonId);

        // 40 suits + 20 same community + 5 preferred street + 10 one skill + 8 partly able for part time + 5 hard to employ.
        Assert.Equal(88, match.Score);
        Assert.Equal(6, match.Reasons.Count);
    }

    [Theory]
    [InlineData("430103001001", Proximity.SameCommunity)]
    [InlineData("430103001003", Proximity.SameStreet)]
    [InlineData("430103002001", Proximity.Elsewhere)]
    [InlineData("430103014001", Proximity.Elsewhere)]
    public void No_seeker_the_work_does_not_suit_scores_more_than_the_bound_for_where_they_live(string community, Proximity proximity)
    {
        var posting = Packing with { Skills = ["包装", "电脑操作", "烹饪", "手工编织"], Hours = "part_time" };
        var unsuited = new[] { (Category: 5, Grade: 1), (Category: 4, Grade: 2), (Category: 4, Grade: 1) }
            .SelectMany(c => new[] { "full", "partial" }.Select(ability =>
                new SeekerProfile(Guid.NewGuid(), community, c.Category, c.Grade, ["包装", "电脑操作", "烹饪", "手工编织"], ability,
                    [community[..9], "430103001"], HardToEmploy: true)))
            .ToList();

        var scores = unsuited.Select(s => Matching.Score(posting, s, s.PersonId).Score).ToList();

        Assert.All(unsuited, s => Assert.False(Matching.Suits(posting, s)));
        Assert.All(scores, score => Assert.True(score <= Matching.MostPointsUnsuited(proximity), $"{score} > {Matching.MostPointsUnsuited(proximity)}"));
        // Tight where it matters most: a neighbour of the workplace with everything else reaches the bound itself.
        if (proximity != Proximity.Elsewhere)
        {
            Assert.Equal(Matching.MostPointsUnsuited(proximity), scores.Max());
        }
    }
}
