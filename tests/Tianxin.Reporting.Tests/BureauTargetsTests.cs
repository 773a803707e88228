using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Employment;
using Tianxin.Contracts.Registry;
using Tianxin.Contracts.Relief;
using Tianxin.Reporting.Features.Events;
using Tianxin.Reporting.Features.Targets;

namespace Tianxin.Reporting.Tests;

/// <summary>The education bureau's schooling and the HR bureau's insurance reports move the plan's targets; the latest report of a person and year counts.</summary>
[Collection(ReportingDatabaseCollection.Name)]
public sealed class BureauTargetsTests(ReportingDatabase database)
{
    private const int Year = 2025;
    private static readonly DateTimeOffset Autumn = new(Year, 9, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_latest_report_of_each_person_counts_whatever_the_order_of_arrival()
    {
        var pupils = Enumerable.Range(0, 4).Select(i => Person(new DateOnly(Year - 8, 3, 1 + i))).ToList();
        var adults = Enumerable.Range(0, 3).Select(i => Person(new DateOnly(1970, 5, 1 + i))).ToList();
        var events = new List<object>();
        events.AddRange(pupils.Concat(adults).Select(person => new PersonRegistered(person, Autumn.AddMonths(-9))));
        // Pupil 0 is reported out of school, then in: counted. Pupil 1 in, then out: not counted. Pupil 2 in; pupil 3 never.
        events.Add(new SchoolingReported(pupils[0].PersonId, Year, null, false, Autumn));
        events.Add(new SchoolingReported(pupils[0].PersonId, Year, "primary", true, Autumn.AddDays(20)));
        events.Add(new SchoolingReported(pupils[1].PersonId, Year, "primary", true, Autumn));
        events.Add(new SchoolingReported(pupils[1].PersonId, Year, null, false, Autumn.AddDays(20)));
        events.Add(new SchoolingReported(pupils[2].PersonId, Year, "home_teaching", true, Autumn));
        // Adults: both insurances count, pension alone does not; the pupils are under 16 and not in the denominator.
        events.Add(new SocialInsuranceReported(adults[0].PersonId, Year, true, true, Autumn));
        events.Add(new SocialInsuranceReported(adults[1].PersonId, Year, true, false, Autumn));
        events.Add(new SocialInsuranceReported(adults[2].PersonId, Year, false, false, Autumn));
        events.Add(new SocialInsuranceReported(adults[2].PersonId, Year, true, true, Autumn.AddDays(1)));

        foreach (var order in new[] { events, Enumerable.Reverse(events).ToList() })
        {
            await using var dataSource = await database.NewAsync();
            foreach (var message in order)
            {
                await dataSource.InTransactionAsync(async transaction =>
                {
                    await EventStore.AppendAsync(transaction, Guid.NewGuid(), message, CancellationToken.None);
                    return true;
                }, CancellationToken.None);
            }

            var targets = (await new LiveTargets(dataSource).FindAsync(Year, AreaScope.District, CancellationToken.None)).Targets;

            var education = targets.Single(t => t.Code == "compulsory_education");
            Assert.Equal((2L, 4L, 50.0m, true), (education.Numerator, education.Denominator, education.Rate, education.HasData));
            Assert.Equal(new[] { pupils[1].PersonId, pupils[3].PersonId }.Order(), education.Gaps.Select(g => g.PersonId).Order());
            var security = targets.Single(t => t.Code == "social_security");
            Assert.Equal((2L, 3L, 66.7m), (security.Numerator, security.Denominator, security.Rate));
            Assert.Equal([adults[1].PersonId], security.Gaps.Select(g => g.PersonId));
        }
    }

    private static EligibilityFacts Person(DateOnly birthDate) =>
        new(Guid.NewGuid(), birthDate, "female", "430103001001", "active", 4, 3, [], 1, Guid.NewGuid());
}
