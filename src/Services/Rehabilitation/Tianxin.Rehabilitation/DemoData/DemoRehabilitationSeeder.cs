using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Eligibility;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.Delivery;
using Tianxin.Rehabilitation.Features.Needs;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.DemoData;

/// <summary>
/// The 2019 and current-year programmes, then the 2019 report's cases (<see cref="Demo2019Cases"/>) and this year's
/// applications for the registry's demo persons (once their facts have arrived here) in every state, through the same
/// handlers as the API and gRPC. 2019 is seeded until it is complete; this year's applications once a year.
/// </summary>
public sealed class DemoRehabilitationSeeder(
    IHostEnvironment environment, IOptions<DemoDataOptions> options, NpgsqlDataSource dataSource, EligibilityCopy eligibility,
    Demo2019Cases cases2019, CreateProgramme createProgramme, ListProgrammes programmes, AssessNeed assessNeed, SubmitApplication submit,
    ApproveApplication approve, RejectApplication reject, RecordSession sessions, RecordDevices devices, CompleteCase completion, TimeProvider clock,
    ILogger<DemoRehabilitationSeeder> logger)
    : DemoSeeder(environment, logger)
{
    public const string Actor = "demo-data";

    protected override bool Wanted => options.Value.Applications > 0;

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = clock.TodayInChina();
        foreach (var programme in DemoProgrammes.For(2019).Concat(DemoProgrammes.For(today.Year)))
        {
            await createProgramme.HandleAsync(programme, Actor, cancellationToken); // a programme seeded before stays as it is
        }
        var seeded2019 = await cases2019.SeededAsync(cancellationToken);
        var seededThisYear = await AppliedAsync(today.Year, cancellationToken);
        if (seeded2019 && seededThisYear)
        {
            return;
        }
        var persons = await eligibility.SettledActivePersonsAsync(TimeSpan.FromSeconds(15), cancellationToken);
        if (!seeded2019)
        {
            await cases2019.SeedAsync(persons, cancellationToken);
        }
        if (!seededThisYear)
        {
            await SeedApplicationsAsync(persons, today, cancellationToken);
        }
    }

    private Task<bool> AppliedAsync(int year, CancellationToken cancellationToken) =>
        dataSource.Command(
                "select exists (select 1 from applications a join programmes p on p.id = a.programme_id where p.year = $1 and a.submitted_by = $2)",
                year, Actor)
            .ScalarAsync<bool>(cancellationToken);

    /// <summary>Each person tries the current year's programmes in turn; the n-th application ends in state n mod 5.</summary>
    private async Task SeedApplicationsAsync(List<Guid> persons, DateOnly today, CancellationToken cancellationToken)
    {
        var ofTheYear = await programmes.HandleAsync(today.Year, cancellationToken);
        var made = 0;
        foreach (var person in persons)
        {
            if (made >= options.Value.Applications)
            {
                break;
            }
            foreach (var programme in ofTheYear)
            {
                var submitted = await submit.HandleAsync(new SubmitApplicationRequest(person, programme.Id), AreaScope.District, Actor, cancellationToken);
                if (!submitted.Succeeded)
                {
                    continue;
                }
                await assessNeed.HandleAsync(new AssessNeedRequest(person, programme.Code, made % 3 == 0 ? "screening" : "home_visit", today),
                    AreaScope.District, Actor, cancellationToken);
                await ProgressAsync(submitted.Value, programme, made % 5, today, cancellationToken);
                made++;
                break;
            }
        }
        logger.LogInformation("Seeded {Count} demo rehabilitation applications", made);
    }

    private async Task ProgressAsync(Application application, Programme programme, int state, DateOnly today, CancellationToken cancellationToken)
    {
        if (state == 0)
        {
            return; // submitted, waiting
        }
        if (state == 1)
        {
            await reject.HandleAsync(application.Id, new RejectApplicationRequest("材料不全（演示数据）"), AreaScope.District, Actor, cancellationToken);
            return;
        }
        var institution = programme.Institutions[state % programme.Institutions.Length];
        if (!(await approve.HandleAsync(application.Id, new ApproveApplicationRequest(institution), AreaScope.District, Actor, cancellationToken)).Succeeded)
        {
            return; // budget spent: it stays in the queue
        }
        await sessions.HandleAsync(institution, new RecordSessionRequest(application.Id, today, "康复训练", 45, "演示康复师"), cancellationToken);
        if (programme.Code is "assistive_devices" or "hearing_aids" or "prostheses")
        {
            await devices.HandleAsync(institution,
                new RecordDevicesRequest(application.Id, programme.Name, 1 + state % 2, programme.AmountPerCase, today), cancellationToken);
        }
        if (state >= 3)
        {
            await completion.HandleAsync(institution, new CompleteCaseRequest(application.Id, today, "训练目标达成（演示数据）", null), cancellationToken);
        }
    }
}
