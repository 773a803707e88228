using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Eligibility;
using Tianxin.Employment.Features.Employers;
using Tianxin.Employment.Features.Fairs;
using Tianxin.Employment.Features.Postings;
using Tianxin.Employment.Features.Seekers;

namespace Tianxin.Employment.Tests;

[Collection(EmploymentDatabaseCollection.Name)]
public sealed class JobFairTests(EmploymentDatabase database)
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task A_job_with_an_attending_employer_within_thirty_days_is_the_fairs_placement_and_one_after_forty_is_not()
    {
        await using var dataSource = await database.NewAsync();
        var heldOn = Clock.TodayInChina().AddDays(-60);
        var register = new RegisterSeeker(dataSource, new EligibilityCopy(dataSource), new Outbox(), Clock);
        var seekers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var person = await CopiedPersons.AddAsync(dataSource);
            await register.HandleAsync(new SeekerRequest(person, "junior", [], "保洁", "full", []), AreaScope.District, "w", default);
            seekers.Add(person);
        }
        var employer = (await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("914403001922038216", "天心物业", "430103001001", false),
            "o", default)).Value;
        var other = (await new RegisterEmployer(dataSource).HandleAsync(new EmployerRequest("91110108551385082Q", "别家公司", "430103001001", false),
            "o", default)).Value;
        var posting = (await new CreatePosting(dataSource).HandleAsync(new PostingRequest(employer.Id, "保洁员", null, [], 1, 4, null, "part_time", [], 5),
            "o", default)).Value;
        var fairs = new HoldJobFair(dataSource);
        var fair = (await fairs.CreateAsync(new JobFairRequest("天心区助残招聘会", heldOn, "430103001001", null), "o", default)).Value;
        await fairs.AddEmployerAsync(fair.Id, new FairEmployerRequest(employer.Id), default);
        foreach (var seeker in seekers)
        {
            await fairs.AddSeekerAsync(fair.Id, new FairSeekerRequest(seeker), AreaScope.District, default);
        }
        var agreed = await fairs.AgreeAsync(fair.Id, new FairAgreementRequest(seekers[0], posting.Id), AreaScope.District, "w", default);
        var start = new RecordEmployment(dataSource, new EligibilityCopy(dataSource), new EmploymentRecords(new Outbox(), Clock), Clock);
        await start.StartAsync(seekers[0], new EmploymentStartRequest("employer", employer.Id, heldOn.AddDays(10)), AreaScope.District, "w", default);
        await start.StartAsync(seekers[1], new EmploymentStartRequest("employer", employer.Id, heldOn.AddDays(40)), AreaScope.District, "w", default);
        await start.StartAsync(seekers[2], new EmploymentStartRequest("employer", other.Id, heldOn.AddDays(5)), AreaScope.District, "w", default);
        var stranger = await fairs.AddSeekerAsync(fair.Id, new FairSeekerRequest(Guid.NewGuid()), AreaScope.District, default);

        var after = (await JobFair.FindAsync(dataSource, fair.Id, default))!;

        Assert.Equal(1, agreed.Value.Agreements);
        Assert.Equal((1, 1, 3, 1, 1), (after.Employers, after.Postings, after.Seekers, after.Agreements, after.Placements));
        Assert.Contains("personId", Assert.IsType<Failure.Invalid>(stranger.Failure).Errors.Keys);
    }
}
