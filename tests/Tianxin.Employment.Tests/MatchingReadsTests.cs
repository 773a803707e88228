using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Postings;
using Tianxin.Employment.Features.Seekers;

namespace Tianxin.Employment.Tests;

/// <summary>
/// Matching reads the seekers a posting suits first and the others nearest first, only while they could still
/// make the list: the lists must be exactly those that scoring every seeker of the area gives.
/// </summary>
[Collection(EmploymentDatabaseCollection.Name)]
public sealed class MatchingReadsTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;
    private static readonly string[] Communities = ["430103001001", "430103001002", "430103002001", "430103002002", "430103005001", "430103009001"];
    private static readonly string[] Skills = ["包装", "电脑操作", "烹饪", "手工编织", "按摩推拿"];

    [Fact]
    public async Task Lists_read_in_steps_equal_the_lists_of_every_seeker_scored()
    {
        await using var dataSource = await database.NewAsync();
        var random = new Random(20261207);
        var seekers = new List<SeekerProfile>();
        for (var i = 0; i < 240; i++)
        {
            var community = Communities[random.Next(Communities.Length)];
            var (category, grade) = (1 + random.Next(7), 1 + random.Next(4));
            var person = await CopiedPersons.AddAsync(dataSource, category, grade, community, sex: i % 2 == 0 ? "male" : "female");
            var skills = Skills.Where(_ => random.Next(3) == 0).ToArray();
            var ability = new[] { "full", "full", "partial", "none" }[random.Next(4)];
            string[] streets = random.Next(2) == 0 ? [community[..9]] : [];
            var registered = await new RegisterSeeker(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock).HandleAsync(
                new SeekerRequest(person, "senior", skills, "普工", ability, streets), AreaScope.District, "worker", default);
            Assert.True(registered.Succeeded, registered.Failure?.ToString());
            if (ability != "none")
            {
                seekers.Add(new SeekerProfile(person, community, category, grade, skills, ability, streets, HardToEmploy: false));
            }
        }
        var employer = (await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("91110108551385082Q", "裕南包装厂", Communities[0], true),
            "officer", default)).Value;
        var matches = new FindMatches(dataSource, Clock);
        var compared = 0;

        for (var p = 0; p < 12; p++)
        {
            var low = 1 + random.Next(4);
            var request = new PostingRequest(employer.Id, "岗位" + p, Communities[random.Next(Communities.Length)],
                Enumerable.Range(1, 7).Where(_ => random.Next(4) == 0).ToList(), low, low + random.Next(5 - low), random.Next(2) == 0,
                CreatePosting.HoursKinds[random.Next(3)], Skills.Where(_ => random.Next(3) == 0).ToList(), 1);
            var posting = (await new CreatePosting(dataSource).HandleAsync(request, "officer", default)).Value;
            foreach (var scope in new[] { AreaScope.District, new AreaScope(AreaCode.TryParse("430103001")!) })
            {
                foreach (var limit in new[] { 1, 5, 20, 200 })
                {
                    var expected = Matching.BestSeekers(posting, seekers.Where(s => scope.Covers(s.CommunityCode)), limit);

                    var found = (await matches.CandidatesAsync(posting.Id, scope, limit, default)).Value;

                    Assert.Equal(expected.Select(m => (m.Id, m.Score)), found.Select(c => (c.PersonId, c.Score)));
                    compared += found.Count;
                }
            }
        }
        Assert.True(compared > 1000, $"only {compared} candidates compared");
    }

    [Fact]
    public async Task A_reassessment_or_a_move_that_reaches_the_copy_reaches_matching()
    {
        await using var dataSource = await database.NewAsync();
        var person = await CopiedPersons.AddAsync(dataSource, category: 5, grade: 1);
        Assert.True((await new RegisterSeeker(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock).HandleAsync(
            new SeekerRequest(person, "senior", [], "普工", "full", []), AreaScope.District, "worker", default)).Succeeded);
        var employer = (await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("91110108551385082Q", "裕南包装厂", Communities[0], true),
            "officer", default)).Value;
        var posting = (await new CreatePosting(dataSource).HandleAsync(
            new PostingRequest(employer.Id, "包装工", null, [4], 3, 4, null, "full_time", [], 1), "officer", default)).Value;
        var matches = new FindMatches(dataSource, Clock);
        var qingyuan = new AreaScope(AreaCode.TryParse("430103006")!);

        var before = Assert.Single((await matches.CandidatesAsync(posting.Id, AreaScope.District, 10, default)).Value);
        await CopyAsync(dataSource, person, "category = 4, grade = 3");
        var reassessed = Assert.Single((await matches.CandidatesAsync(posting.Id, AreaScope.District, 10, default)).Value);
        await CopyAsync(dataSource, person, $"community_code = '{CopiedPersons.QingyuanCommunity}'");
        var moved = Assert.Single((await matches.CandidatesAsync(posting.Id, qingyuan, 10, default)).Value);
        await CopyAsync(dataSource, person, "status = 'closed'");
        var closed = (await matches.CandidatesAsync(posting.Id, AreaScope.District, 10, default)).Value;

        Assert.Equal((5, 1), (before.Category, before.Grade));
        Assert.Equal((4, 3), (reassessed.Category, reassessed.Grade));
        Assert.Contains("适合肢体残疾3–4级 / suits physical grade 3–4", reassessed.Reasons);
        Assert.Equal(CopiedPersons.QingyuanCommunity, moved.CommunityCode);
        Assert.Empty(closed);
    }

    /// <summary>A change to the copy as the registry's events make it.</summary>
    private static Task CopyAsync(NpgsqlDataSource dataSource, Guid person, string change) =>
        dataSource.Command($"update eligibility_persons set {change}, facts_version = facts_version + 1 where person_id = $1", person)
            .ExecuteAsync(default);
}
