using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Facts;

public sealed class FactsRefreshOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

public sealed record RefreshRun(int Refreshed);

/// <summary>
/// Finds persons whose household flags changed with time alone (turning 60, a status reaching its end
/// date) and publishes their new facts, so other services' copies do not go stale between changes.
/// </summary>
public sealed class FactsRefresh(NpgsqlDataSource dataSource, RegistryChanges changes)
{
    private const int Batch = 200;

    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        // Only household members and persons past 60 without the flag can change with time alone.
        var stale = await dataSource.Command(
                """
                select p.id from persons p join person_facts f on f.person_id = p.id
                where p.status = 'active' and p.household_flags <> f.household_flags
                  and (p.household_id is not null
                       or (p.birth_date <= china_today() - interval '60 years'
                           and not p.household_flags @> '{elderly_disabled}'::text[]))
                """)
            .ReadAllAsync(reader => reader.Get<Guid>("id"), cancellationToken);
        foreach (var batch in stale.Chunk(Batch))
        {
            await changes.RunAsync(async transaction =>
            {
                var facts = await changes.NewFactsAsync(transaction, batch, cancellationToken);
                await changes.PublishAsync(transaction, new EligibilityFactsRefreshed(facts, changes.Now), cancellationToken);
                return facts.Count;
            }, cancellationToken);
        }
        return stale.Count;
    }
}

public sealed class FactsRefreshTimer(FactsRefresh refresh, IOptions<FactsRefreshOptions> options, ILogger<FactsRefreshTimer> logger)
    : PeriodicJob(logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => refresh.RefreshAsync(cancellationToken);
}

public static class FactsRefreshApi
{
    public static IServiceCollection AddFactsRefresh(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<FactsRefreshOptions>(configuration.GetSection("Registry:FactsRefresh"))
            .AddSingleton<FactsRefresh>().AddHostedService<FactsRefreshTimer>();

    public static IEndpointRouteBuilder MapFactsRefreshApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/facts/refresh", async (FactsRefresh refresh, CancellationToken cancellationToken) =>
                TypedResults.Ok(new RefreshRun(await refresh.RefreshAsync(cancellationToken))))
            .WithTags("Eligibility facts").RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("刷新资格事实 Publish the facts that changed with time alone now (also runs on a timer)");
        return endpoints;
    }
}
