using System.Text.Json;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;
using Tianxin.Reporting.Features.Events;
using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.Targets;
using Tianxin.Reporting.Features.YearEnd;

namespace Tianxin.Reporting.Tests;

[Collection(ReportingDatabaseCollection.Name)]
public sealed class YearEndReportTests(ReportingDatabase database)
{
    private static async Task IngestAsync(NpgsqlDataSource dataSource, IEnumerable<(Guid MessageId, object Message)> events)
    {
        foreach (var (messageId, message) in events)
        {
            await dataSource.InTransactionAsync(async transaction =>
            {
                await EventStore.AppendAsync(transaction, messageId, message, CancellationToken.None);
                return true;
            }, CancellationToken.None);
        }
    }

    private static async Task<string> ReportJsonAsync(NpgsqlDataSource dataSource) =>
        JsonSerializer.Serialize(await new DraftYearEndReport(dataSource).HandleAsync(RandomDistrict.Year, CancellationToken.None), EventStore.Json);

    [Fact]
    public async Task Every_line_equals_the_totals_computed_from_what_was_sent_and_targets_are_their_numerators_over_denominators()
    {
        var district = new RandomDistrict(seed: 14);
        await using var dataSource = await database.NewAsync();
        await IngestAsync(dataSource, district.Events);

        var report = await new DraftYearEndReport(dataSource).HandleAsync(RandomDistrict.Year, CancellationToken.None);

        var childAid = Line(report, "child_aid").Figures["approved"];
        Assert.Equal(district.ChildAidMoney, childAid.Amount);
        Assert.Equal(district.ChildAidPeople.Count, childAid.People);
        Assert.Contains($"投入经费{LineTemplate.Wan(district.ChildAidMoney)}万元为{district.ChildAidPeople.Count}名", Line(report, "child_aid").Text);
        var devices = Line(report, "assistive_devices").Figures["devices"];
        Assert.Equal((district.DevicesFittedItems, district.DevicesMoney, district.DevicesPeople.Count), (devices.Items, devices.Amount, (int)devices.People));
        var employmentRelief = Line(report, "employment_relief").Figures["paid"];
        Assert.Equal((district.EmploymentReliefPaid, district.EmploymentReliefPeople.Count), (employmentRelief.Amount, (int)employmentRelief.People));
        var careSubsidy = Line(report, "care_subsidy");
        Assert.Equal(district.CareSubsidyPaid, careSubsidy.Figures["paid"].Amount);
        Assert.Equal(district.CareSubsidyPeople.Count, careSubsidy.Figures["paid"].People);
        Assert.Contains($"共计{LineTemplate.Yuan(district.CareSubsidyPaid)}元", careSubsidy.Text);
        Assert.Equal(district.HardshipGranted, Line(report, "temporary_hardship").Figures["granted"].Amount);
        var orders = Line(report, "work_order");
        Assert.Equal(district.WorkOrders, orders.Figures["received"].Count);
        Assert.Contains($"办结率{LineTemplate.Percent((decimal)district.WorkOrdersClosed / district.WorkOrders)}", orders.Text);
        Assert.False(Line(report, "hearing_aids").HasData);

        var rows = await ProgrammeFigures.FindAsync(dataSource, RandomDistrict.Year, AreaScope.District, CancellationToken.None);
        var december = rows.Single(r => r is { Programme: "care_subsidy", Measure: "paid", Month: 12 });
        Assert.Equal(district.CareSubsidyPaidInDecember, december.Figure.Amount);
        var moneyMeasures = new HashSet<(string, string)>
        {
            ("child_aid", "approved"), ("employment_relief", "paid"), ("care_subsidy", "paid"), ("temporary_hardship", "granted"),
        };
        var byStreet = rows.Where(r => r.Street is not null && moneyMeasures.Contains((r.Programme, r.Measure)))
            .GroupBy(r => r.Street!).ToDictionary(g => g.Key, g => g.Sum(r => r.Figure.Amount));
        Assert.Equal(district.MoneyByStreet.OrderBy(p => p.Key), byStreet.OrderBy(p => p.Key));

        var targets = await new LiveTargets(dataSource).FindAsync(RandomDistrict.Year, AreaScope.District, CancellationToken.None);
        var rehabilitation = targets.Targets.Single(t => t.Code == "rehabilitation");
        Assert.Equal(district.InNeed.Count, rehabilitation.Denominator);
        Assert.Equal(district.InNeed.Count(p => district.ServedInNeed.Contains(p) || district.DevicesPeople.Contains(p)), rehabilitation.Numerator);
        Assert.Equal(Math.Round(rehabilitation.Numerator * 100m / rehabilitation.Denominator, 1, MidpointRounding.AwayFromZero), rehabilitation.Rate);
        var subsidies = targets.Targets.Single(t => t.Code == "two_subsidies");
        Assert.Equal(district.Persons.Count(p => p is { Status: "active", Grade: 1 or 2 }), subsidies.Denominator);
        Assert.Equal(district.CareEnrolledAtYearEnd.Count, subsidies.Numerator);
        Assert.Equal(subsidies.Denominator - subsidies.Numerator, subsidies.Gaps.Count);
        Assert.Equal(subsidies.Numerator, subsidies.Streets.Sum(s => s.Numerator));
        var education = targets.Targets.Single(t => t.Code == "compulsory_education");
        Assert.False(education.HasData);
        Assert.Null(education.Rate);
    }

    [Fact]
    public async Task Every_event_delivered_twice_and_out_of_order_gives_the_same_report()
    {
        var district = new RandomDistrict(seed: 15, persons: 120);
        await using var inOrder = await database.NewAsync();
        await using var shuffled = await database.NewAsync();
        await IngestAsync(inOrder, district.Events);

        var twice = district.Events.Concat(district.Events).ToArray();
        new Random(3).Shuffle(twice);
        await IngestAsync(shuffled, twice);

        Assert.Equal(await ReportJsonAsync(inOrder), await ReportJsonAsync(shuffled));
        Assert.Equal(district.Events.Count, await shuffled.Command("select count(*) from reported_events").ScalarAsync<long>(CancellationToken.None));
    }

    [Fact]
    public async Task Rebuilding_from_the_stored_events_gives_the_same_report_byte_for_byte()
    {
        var district = new RandomDistrict(seed: 16, persons: 150);
        await using var dataSource = await database.NewAsync();
        await IngestAsync(dataSource, district.Events);
        var before = await ReportJsonAsync(dataSource);
        var factsBefore = await dataSource.Command("select count(*) from report_facts").ScalarAsync<long>(CancellationToken.None);

        var rebuilt = await new RebuildFigures(dataSource).HandleAsync(CancellationToken.None);

        Assert.Equal(district.Events.Count, rebuilt.Events);
        Assert.Equal(factsBefore, rebuilt.Facts);
        Assert.Equal(district.Persons.Count, rebuilt.Persons);
        Assert.Equal(before, await ReportJsonAsync(dataSource));
    }

    /// <summary>
    /// The district's figures are kept between drafts: whatever arrives between two drafts (facts before their person,
    /// late facts, a person moving street or household) is in the next draft as a count from scratch has it.
    /// </summary>
    [Fact]
    public async Task The_kept_district_figures_equal_a_count_from_scratch_whatever_arrives_between_two_drafts()
    {
        var district = new RandomDistrict(seed: 18, persons: 150);
        await using var dataSource = await database.NewAsync();
        var events = district.Events.ToArray();
        new Random(4).Shuffle(events);
        foreach (var part in events.Chunk(events.Length / 4 + 1))
        {
            await IngestAsync(dataSource, part);
            Assert.Equal(await CountedFromScratchAsync(dataSource), await DistrictFiguresAsync(dataSource));
        }
        var beforeTheMoves = await DistrictFiguresAsync(dataSource);

        await IngestAsync(dataSource, Moves(district, 30));

        var afterTheMoves = await DistrictFiguresAsync(dataSource);
        Assert.NotEqual(beforeTheMoves, afterTheMoves);
        Assert.Equal(await CountedFromScratchAsync(dataSource), afterTheMoves);
    }

    /// <summary>
    /// As the service runs: four consumers project events at once (persons moving among them) while the background job
    /// counts whatever is stale, over and over, and an operator rebuilds three times. Nothing deadlocks (PostgreSQL would
    /// fail one of the transactions), and once everything has arrived the kept figures equal a count from scratch.
    /// </summary>
    [Fact]
    public async Task The_kept_district_figures_equal_a_count_from_scratch_when_counts_run_while_events_arrive()
    {
        var district = new RandomDistrict(seed: 19, persons: 150);
        await using var dataSource = await database.NewAsync();
        var events = district.Events.Concat(Moves(district, 60)).ToArray();
        new Random(5).Shuffle(events);
        using var arriving = new CancellationTokenSource();
        var counting = Task.Run(async () =>
        {
            var counts = 0;
            while (!arriving.IsCancellationRequested)
            {
                counts += await DistrictFigures.RefreshAllAsync(dataSource, CancellationToken.None);
            }
            return counts;
        });
        // Each rebuild once a further quarter of the events is in, so that events keep arriving during all three.
        var rebuilding = Task.Run(async () =>
        {
            for (var quarter = 1; quarter <= 3; quarter++)
            {
                while (await dataSource.Command("select count(*) from reported_events").ScalarAsync<long>(CancellationToken.None) < events.Length * quarter / 4)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20));
                }
                await new RebuildFigures(dataSource).HandleAsync(CancellationToken.None);
            }
        });

        try
        {
            await Task.WhenAll(events.Chunk(events.Length / 4 + 1).Select(part => Task.Run(() => IngestAsync(dataSource, part))).Append(rebuilding));
        }
        finally
        {
            await arriving.CancelAsync();
        }

        Assert.True(await counting > 0, "the job counted while events arrived");
        Assert.Equal(await CountedFromScratchAsync(dataSource), await DistrictFiguresAsync(dataSource));
    }

    /// <summary>The first active persons move to the next community, every other one into a new household.</summary>
    private static IEnumerable<(Guid, object)> Moves(RandomDistrict district, int persons)
    {
        var communities = RandomDistrict.Communities;
        return district.Persons.Where(p => p.Status == "active").Take(persons).Select((person, i) => (Guid.NewGuid(), (object)new PersonDetailsChanged(
            person with
            {
                CommunityCode = communities[(Array.IndexOf(communities, person.CommunityCode) + 1) % communities.Length],
                HouseholdId = i % 2 == 0 ? Guid.NewGuid() : person.HouseholdId,
                Version = person.Version + 1,
            }, ["communityCode"], DateTimeOffset.UtcNow)));
    }

    private static Task<List<FigureRow>> DistrictFiguresAsync(NpgsqlDataSource dataSource) =>
        ProgrammeFigures.FindAsync(dataSource, RandomDistrict.Year, AreaScope.District, CancellationToken.None);

    private static Task<List<FigureRow>> CountedFromScratchAsync(NpgsqlDataSource dataSource) =>
        dataSource.Command($"{ProgrammeFigures.Counting("true")} {ProgrammeFigures.Order}", RandomDistrict.Year)
            .ReadAllAsync(ProgrammeFigures.Read, CancellationToken.None);

    [Fact]
    public async Task Street_staff_see_the_targets_of_their_street_only()
    {
        var district = new RandomDistrict(seed: 17, persons: 120);
        await using var dataSource = await database.NewAsync();
        await IngestAsync(dataSource, district.Events);
        var yunan = new AreaScope(AreaCode.TryParse("430103001")!);

        var targets = await new LiveTargets(dataSource).FindAsync(RandomDistrict.Year, yunan, CancellationToken.None);

        var subsidies = targets.Targets.Single(t => t.Code == "two_subsidies");
        Assert.Equal(district.Persons.Count(p => p is { Status: "active", Grade: 1 or 2 } && p.CommunityCode.StartsWith("430103001", StringComparison.Ordinal)),
            subsidies.Denominator);
        Assert.All(subsidies.Streets, street => Assert.Equal("430103001", street.Street));
        Assert.All(subsidies.Gaps, gap => Assert.StartsWith("430103001", gap.CommunityCode, StringComparison.Ordinal));
        Assert.Equal("430103001", targets.Area);
    }

    private static ReportLine Line(YearEndReport report, string programme) => report.Lines.First(line => line.Programme == programme);
}
