using System.Globalization;
using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Relief.Features.Cases;
using Tianxin.Relief.Features.Enrolments;
using Tianxin.Relief.Features.PaymentRuns;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.DemoData;

/// <summary>
/// The 2019 and current-year relief programmes with the 2019 report's cases; the two subsidies for the registry's demo holders as
/// discovery proposed them (most taken through the three steps from a year ago, some left at each step);
/// then the closed monthly runs of each subsidy, paid by the bank but for one failed line carried to the
/// next month, and this month's draft. Everything goes through the handlers the API uses. Runs once.
/// </summary>
public sealed class DemoReliefSeeder(
    IHostEnvironment environment, IOptions<DemoDataOptions> options, NpgsqlDataSource dataSource, EligibilityCopy eligibility,
    CreateReliefProgramme createProgramme, SetSubsidyRule setRule, AcceptEnrolment accept, ReviewEnrolment review, DecideEnrolment decide,
    StartPaymentRun startRun, PaymentRunComputation computation, MovePaymentRun moveRun, PaymentList paymentList, ImportBankResults bankResults,
    Demo2019Cases demoCases, TimeProvider clock, ILogger<DemoReliefSeeder> logger) : DemoSeeder(environment, logger)
{
    private const string Actor = "demo-data";
    private static readonly AreaScope District = AreaScope.District;

    protected override bool Wanted => options.Value.ClosedRuns > 0;

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        foreach (var demo in DemoReliefProgrammes.For(2019).Concat(DemoReliefProgrammes.For(today.Year)))
        {
            await createProgramme.HandleAsync(demo.Programme, Actor, cancellationToken); // a programme seeded before stays as it is
        }
        if (await dataSource.Command("select exists (select 1 from payment_runs where created_by = $1)", Actor).ScalarAsync<bool>(cancellationToken))
        {
            return;
        }
        var persons = await eligibility.SettledActivePersonsAsync(TimeSpan.FromSeconds(15), cancellationToken);
        await demoCases.SeedAsync(persons, cancellationToken);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var firstMonth = thisMonth.AddMonths(-options.Value.ClosedRuns);
        await RulesFromAsync(firstMonth.Year, today.Year, cancellationToken);
        await EnrolAsync(firstMonth, cancellationToken);
        foreach (var subsidy in TwoSubsidies.All)
        {
            for (var month = firstMonth; month < thisMonth; month = month.AddMonths(1))
            {
                await PayMonthAsync(subsidy, month, failOne: month == firstMonth, cancellationToken);
            }
            await StartAsync(subsidy, thisMonth, cancellationToken);
        }
    }

    /// <summary>Years before the current one get the current year's rule when the district has not set theirs.</summary>
    private async Task RulesFromAsync(int firstYear, int currentYear, CancellationToken cancellationToken)
    {
        foreach (var rule in await SubsidyRule.ForYearAsync(dataSource, currentYear, cancellationToken))
        {
            for (var year = firstYear; year < currentYear; year++)
            {
                if (await SubsidyRule.FindAsync(dataSource, rule.Subsidy, year, cancellationToken) is null)
                {
                    await setRule.HandleAsync(rule.Subsidy, year, new SubsidyRuleRequest(rule.MonthlyAmount, Ints(rule.Grades), Ints(rule.ExtendedCategories),
                        Ints(rule.ExtendedGrades), rule.RequiredStatuses, rule.ExcludedBy, rule.HigherOnlyWith), Actor, cancellationToken);
                }
            }
        }
    }

    /// <summary>Discovery proposes a moment after the copy settles; the n-th proposal stops at step n mod 10 (most are approved).</summary>
    private async Task EnrolAsync(DateOnly acceptedOn, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        var proposals = await dataSource.Command("select id from enrolments where status = 'proposed' order by person_id, subsidy")
            .ReadAllAsync(r => r.Get<Guid>("id"), cancellationToken);
        for (var n = 0; n < proposals.Count; n++)
        {
            var id = proposals[n];
            switch (n % 10)
            {
                case 0:
                    continue; // left on the street's worklist
                case 1:
                    await accept.HandleAsync(id, new AcceptanceRequest(false, "本人已享受更高标准的同类待遇", null, null, null, null), District, Actor,
                        cancellationToken);
                    continue;
            }
            var account = "62170" + (100_000_000_000L + n).ToString(CultureInfo.InvariantCulture);
            await accept.HandleAsync(id, new AcceptanceRequest(true, null, acceptedOn, account, "演示户名", null), District, Actor, cancellationToken);
            if (n % 10 == 2)
            {
                continue; // waiting for the district's review
            }
            await review.HandleAsync(id, new StepRequest(true, null), District, Actor, cancellationToken);
            if (n % 10 == 3)
            {
                continue; // waiting for civil affairs
            }
            await decide.HandleAsync(id, new StepRequest(true, null), District, "civil-affairs-bureau", cancellationToken);
        }
    }

    private async Task PayMonthAsync(string subsidy, DateOnly month, bool failOne, CancellationToken cancellationToken)
    {
        if (await StartAsync(subsidy, month, cancellationToken) is not { } run)
        {
            return;
        }
        await moveRun.SubmitAsync(run, District, Actor, cancellationToken);
        await moveRun.ApproveAsync(run, District, Actor, cancellationToken);
        var list = await paymentList.HandleAsync(run, District, cancellationToken);
        if (!list.Succeeded)
        {
            return;
        }
        var lines = list.Value.Lines.Select((line, index) => failOne && index == 0
            ? new BankResultLine(index + 2, line.PaymentId.ToString(), Yuan.Of(line.Amount).ToPlain(), "failed", "账户已冻结")
            : new BankResultLine(index + 2, line.PaymentId.ToString(), Yuan.Of(line.Amount).ToPlain(), "paid", null)).ToList();
        await bankResults.HandleAsync(run, new BankResults(lines, lines.Count, Yuan.Of(list.Value.Total).ToPlain()), District, cancellationToken);
    }

    private async Task<Guid?> StartAsync(string subsidy, DateOnly month, CancellationToken cancellationToken)
    {
        var started = await startRun.HandleAsync(new StartPaymentRunRequest(subsidy, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), null),
            District, Actor, cancellationToken);
        if (!started.Succeeded)
        {
            return null;
        }
        await computation.ComputeAsync(started.Value.Id, cancellationToken);
        return started.Value.Id;
    }

    private static int[]? Ints(short[]? values) => values?.Select(v => (int)v).ToArray();
}
