using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.Delivery;
using Tianxin.Rehabilitation.Features.Needs;
using Tianxin.Rehabilitation.Features.Programmes;
using static Tianxin.BuildingBlocks.Hosting.DemoSteps;

namespace Tianxin.Rehabilitation.DemoData;

/// <summary>
/// The 2019 report's rehabilitation year for the demo persons, through the handlers the API and gRPC use, on 2019's
/// days: each programme's cases for as many eligible persons as the report counts and the budget covers (a district with
/// fewer gets fewer), each need assessed, approved, delivered (devices fitted to the report's count and money,
/// sight-restoring operations) and completed, then the year's eye screenings. A seed that stopped resumes where it was.
/// </summary>
public sealed class Demo2019Cases(NpgsqlDataSource dataSource, EligibilityCopy eligibility, Outbox outbox, TimeProvider real)
{
    public const int Year = 2019;
    private const int PeopleScreened = 11_380;
    private const int ScreeningCampaigns = 92;
    private const string Actor = DemoRehabilitationSeeder.Actor;
    private const string EyeCare = "eye_care";

    /// <param name="Items">Devices fitted in all, when the programme fits devices: one each, two for the first of them.</param>
    private sealed record SeedProgramme(string Code, int People, int Items = 0);

    /// <summary>"投入经费513.16万元为308名0-17岁贫困残疾儿童免费提供康复救助服务", "为366名残疾人适配辅具689件"…</summary>
    private static readonly SeedProgramme[] Seed =
    [
        new("child_aid", 308), new("hearing_aids", 40, 40), new("prostheses", 11, 11), new("assistive_devices", 366, 689),
        new(EyeCare, 167), new("inclusive_education", 20), new("home_schooling", 30),
    ];

    private readonly DemoClock _clock = new(real);

    /// <summary>The screenings come last: the year is in once every campaign is.</summary>
    public async Task<bool> SeededAsync(CancellationToken cancellationToken) =>
        (await ScreenedAsync(cancellationToken)).Count == ScreeningCampaigns;

    public async Task SeedAsync(IReadOnlyList<Guid> persons, CancellationToken cancellationToken)
    {
        var programmes = await new ListProgrammes(dataSource).HandleAsync(Year, cancellationToken);
        var start = 0;
        foreach (var seed in Seed)
        {
            // Each programme starts further along the persons, so that one person is not in every programme.
            await CasesAsync(programmes.Single(p => p.Code == seed.Code), seed, persons, start, cancellationToken);
            start += persons.Count / Seed.Length;
        }
        await ScreeningsAsync(programmes.Single(p => p.Code == EyeCare).Institutions[0], cancellationToken);
        _clock.Set(null);
    }

    private async Task CasesAsync(Programme programme, SeedProgramme seed, IReadOnlyList<Guid> persons, int start, CancellationToken cancellationToken)
    {
        // child_aid's 308 cases at its amount per case come to 32 fen more than its budget: approval would refuse the last.
        var people = Math.Min(seed.People, (int)(programme.Budget / programme.AmountPerCase));
        var costs = Yuan.Split(programme.Budget, seed.People);
        var applied = (await dataSource.Command("select person_id from applications where programme_id = $1 and submitted_by = $2", programme.Id, Actor)
            .ReadAllAsync(r => r.GetGuid(0), cancellationToken)).ToHashSet();
        var made = applied.Count;
        for (var i = 0; i < persons.Count && made < people; i++)
        {
            var person = persons[(start + i) % persons.Count];
            if (applied.Contains(person))
            {
                continue;
            }
            _clock.Set(new DateOnly(Year, 1 + made % 12, 1 + made % 28));
            var submitted = await Submit.HandleAsync(new SubmitApplicationRequest(person, programme.Id), AreaScope.District, Actor, cancellationToken);
            if (!submitted.Succeeded)
            {
                continue; // not eligible: ages on the 2019 day, certificates and household statuses as they are now
            }
            await DeliverAsync(programme, submitted.Value, made < seed.Items - seed.People ? 2 : 1, costs[made], seed.Items > 0, cancellationToken);
            made++;
        }
    }

    private async Task DeliverAsync(Programme programme, Application application, int devices, decimal cost, bool fitsDevices,
        CancellationToken cancellationToken)
    {
        var day = _clock.TodayInChina();
        var institution = programme.Institutions[0];
        Must(await Assess.HandleAsync(new AssessNeedRequest(application.PersonId, programme.Code, "home_visit", day), AreaScope.District, Actor,
            cancellationToken));
        Must(await Approve.HandleAsync(application.Id, new ApproveApplicationRequest(institution), AreaScope.District, Actor, cancellationToken));
        if (fitsDevices)
        {
            Must(await Devices.HandleAsync(institution, new RecordDevicesRequest(application.Id, programme.Name, devices, cost, day), cancellationToken));
        }
        if (programme.Code == EyeCare)
        {
            Must(await Operation.HandleAsync(institution, new RecordOperationRequest(application.Id, day, "白内障复明手术"), cancellationToken));
        }
        Must(await Complete.HandleAsync(institution, new CompleteCaseRequest(application.Id, day, "服务完成（演示数据）", null), cancellationToken));
    }

    /// <summary>"共组织眼疾筛查90余场，筛查患者11380人": 92 campaigns, one every fourth day, held by the contracted hospital.</summary>
    private async Task ScreeningsAsync(string hospital, CancellationToken cancellationToken)
    {
        var held = await ScreenedAsync(cancellationToken);
        for (var campaign = 0; campaign < ScreeningCampaigns; campaign++)
        {
            var place = PlaceOf(campaign);
            if (held.Contains(place))
            {
                continue;
            }
            var day = new DateOnly(Year, 1, 1).AddDays(campaign * 4);
            _clock.Set(day);
            var people = PeopleScreened / ScreeningCampaigns + (campaign < PeopleScreened % ScreeningCampaigns ? 1 : 0);
            Must(await Screening.HandleAsync(hospital, new RecordScreeningRequest(EyeCare, Year, place, day, people), cancellationToken));
        }
    }

    private static string PlaceOf(int campaign) => $"社区卫生服务中心（第{campaign + 1}场眼疾筛查）";

    private async Task<HashSet<string>> ScreenedAsync(CancellationToken cancellationToken)
    {
        var demoPlaces = Enumerable.Range(0, ScreeningCampaigns).Select(PlaceOf).ToArray();
        return (await dataSource.Command(
                """
                select distinct s.place from screenings s join programmes p on p.id = s.programme_id
                where p.code = $1 and p.year = $2 and s.place = any ($3)
                """, EyeCare, Year, demoPlaces)
            .ReadAllAsync(r => r.GetString(0), cancellationToken)).ToHashSet();
    }

    private CasesInService Cases => new(dataSource);
    private SubmitApplication Submit => new(dataSource, eligibility, _clock);
    private AssessNeed Assess => new(dataSource, eligibility, outbox, _clock);
    private ApproveApplication Approve => new(dataSource, outbox, _clock);
    private RecordDevices Devices => new(Cases, outbox, _clock);
    private RecordOperation Operation => new(Cases, outbox, _clock);
    private RecordScreening Screening => new(dataSource, outbox, _clock);
    private CompleteCase Complete => new(Cases, outbox, _clock);
}
