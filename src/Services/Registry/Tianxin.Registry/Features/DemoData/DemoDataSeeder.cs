using Tianxin.BuildingBlocks;
using System.Security.Claims;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Certificates;
using Tianxin.Registry.Features.Households;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.DemoData;

/// <summary>
/// Development only: seeds <see cref="DemoDistrict"/> through the same registrars as the API, so every
/// demo record has its history, audit entries and events. Runs once: a complete seed is skipped, an
/// interrupted one resumes (already registered persons are left as they are).
/// </summary>
public sealed class DemoDataSeeder(
    IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<DemoDataOptions> options, NpgsqlDataSource dataSource,
    PersonRegistration registration, CertificateRegistrar certificates, HouseholdRegistrar households, TimeProvider clock,
    ILogger<DemoDataSeeder> logger) : DemoSeeder(environment, logger)
{
    public const string ActorName = "demo-data";

    protected override bool Wanted => options.Value.Persons > 0;

    protected override async Task SeedAsync(CancellationToken cancellationToken)
    {
        var wanted = options.Value.Persons;
        var seededHouseholds = await dataSource.Command("select count(*) from households where created_by = $1", ActorName)
            .ScalarAsync<long>(cancellationToken);
        var district = new DemoDistrict(wanted, clock.TodayInChina());
        if (seededHouseholds >= district.Households.Count)
        {
            return;
        }
        logger.LogInformation("Seeding a demo district of {Count} persons", wanted);
        var actor = DistrictActor();
        var ids = new Guid[district.Persons.Count];
        foreach (var person in district.Persons)
        {
            ids[person.Index] = await RegisterAsync(person, actor, cancellationToken);
        }
        foreach (var household in district.Households.Skip((int)seededHouseholds))
        {
            var members = household.RegisteredMembers
                .Select((index, position) => new MemberRequest(ids[index], null, null, position == 0 ? "head" : "child", false))
                .Concat(household.Family).ToList();
            var (created, errors) = await households.CreateAsync(new HouseholdRequest(household.CommunityCode, null, members), actor, cancellationToken);
            if (created is null)
            {
                logger.LogWarning("A demo household was refused: {Errors}", string.Join("; ", errors!.Select(e => $"{e.Key}: {e.Value[0]}")));
                continue;
            }
            if (household.Status is { } status)
            {
                await households.RecordStatusAsync(created.Id, status, actor, cancellationToken);
            }
        }
        logger.LogInformation("The demo district is seeded");
    }

    private async Task<Guid> RegisterAsync(DemoPerson person, Actor actor, CancellationToken cancellationToken)
    {
        var registered = await registration.RegisterAsync(person.Registration, actor, cancellationToken);
        if (registered.Failure is Failure.Duplicate && await registration.FindRegisteredAsync(person.Registration.IdNumber!, actor, cancellationToken) is { } existing)
        {
            return existing.Id; // an interrupted seed resumes
        }
        if (!registered.Succeeded)
        {
            throw new InvalidOperationException($"Demo person {person.Index} was refused: {registered.Failure}");
        }
        var row = registered.Value;
        if (person.Category is { } category && person.Grade is { } grade)
        {
            await certificates.IssueAsync(row.Id, new CertificateRequest(category, grade, person.IssuedOn, null), actor, cancellationToken);
        }
        return row.Id;
    }

    private static Actor DistrictActor() =>
        new(ActorName, new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(Callers.PreferredUserName, ActorName), new Claim(PlatformClaims.Role, PlatformRoles.DistrictAdmin),
             new Claim(PlatformClaims.Area, AreaCode.District.Value)], "demo")),
            AreaScope.District, null);
}
