using Tianxin.BuildingBlocks;
using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.Needs;
using Tianxin.Rehabilitation.Features.Programmes;

namespace Tianxin.Rehabilitation.Features.DemoData;

public sealed class DemoDataOptions
{
    /// <summary>How many demo applications to make in Development (0: none, and no demo programmes).</summary>
    public int Applications { get; set; }
}

/// <summary>
/// Development only: the 2019 and current-year programmes, then applications for the registry's demo
/// persons (once their facts have arrived here) in every state, through the same desk and delivery code
/// as the API and gRPC. Runs once.
/// </summary>
public sealed class DemoRehabilitationSeeder(
    IHostEnvironment environment, IOptions<DemoDataOptions> options, NpgsqlDataSource dataSource, ApplicationDesk desk, Delivery.Delivery delivery,
    Outbox outbox, TimeProvider clock, ILogger<DemoRehabilitationSeeder> logger) : BackgroundService
{
    private const string Actor = "demo-data";
    private static readonly AreaScope District = new(AreaCode.TryParse("430103")!);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment() || options.Value.Applications <= 0)
        {
            return;
        }
        try
        {
            var today = clock.TodayInChina();
            foreach (var programme in DemoProgrammes.For(2019).Concat(DemoProgrammes.For(today.Year)))
            {
                await ProgrammesApi.TryInsertAsync(dataSource, Guid.CreateVersion7(), programme, Actor, stoppingToken);
            }
            if (await dataSource.Command("select exists (select 1 from applications where submitted_by = $1)", Actor).ScalarAsync<bool>(stoppingToken))
            {
                return;
            }
            var persons = await SettledCopyAsync(stoppingToken);
            await SeedApplicationsAsync(persons, today, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Seeding demo rehabilitation data failed");
        }
    }

    /// <summary>The registry seeds its demo district at its own pace: wait until the copy stops growing.</summary>
    private async Task<List<Guid>> SettledCopyAsync(CancellationToken cancellationToken)
    {
        long previous = -1;
        while (true)
        {
            var count = await dataSource.Command("select count(*) from eligibility_persons").ScalarAsync<long>(cancellationToken);
            if (count > 0 && count == previous)
            {
                return await dataSource.Command("select person_id from eligibility_persons where status = 'active' order by person_id")
                    .ReadAllAsync(reader => reader.GetGuid(0), cancellationToken);
            }
            previous = count;
            await Task.Delay(TimeSpan.FromSeconds(15), cancellationToken);
        }
    }

    /// <summary>Each person tries the current year's programmes in turn; the n-th application ends in state n mod 5.</summary>
    private async Task SeedApplicationsAsync(List<Guid> persons, DateOnly today, CancellationToken cancellationToken)
    {
        var programmes = await dataSource.Command($"select {Programme.Columns} from programmes where year = $1 order by code", today.Year)
            .ReadAllAsync(Programme.Read, cancellationToken);
        var made = 0;
        foreach (var person in persons)
        {
            if (made >= options.Value.Applications)
            {
                break;
            }
            foreach (var programme in programmes)
            {
                if (await desk.SubmitAsync(person, programme.Id, District, Actor, cancellationToken) is not DeskResult.Done { Application: var application })
                {
                    continue;
                }
                var facts = (await EligibilityCopy.FindAsync(dataSource, person, District, cancellationToken))!;
                await NeedsApi.RecordAsync(dataSource, outbox, clock,
                    new NeedView(Guid.CreateVersion7(), person, programme.Code, today.Year, made % 3 == 0 ? "screening" : "home_visit", today),
                    facts.CommunityCode, Actor, cancellationToken);
                await ProgressAsync(application, programme, made % 5, today, cancellationToken);
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
            await desk.RejectAsync(application.Id, "材料不全（演示数据）", Actor, cancellationToken);
            return;
        }
        var institution = programme.Institutions[state % programme.Institutions.Length];
        if (await desk.ApproveAsync(application.Id, institution, Actor, cancellationToken) is not DeskResult.Done)
        {
            return; // budget spent: it stays in the queue
        }
        await delivery.RecordSessionAsync(institution, application.Id, today, "康复训练", 45, "演示康复师", cancellationToken);
        if (programme.Code is "assistive_devices" or "hearing_aids" or "prostheses")
        {
            await delivery.RecordDevicesAsync(institution, application.Id, programme.Name, 1 + state % 2, programme.AmountPerCase, today, cancellationToken);
        }
        if (state >= 3)
        {
            await delivery.CompleteAsync(institution, application.Id, today, "训练目标达成（演示数据）", null, cancellationToken);
        }
    }
}
