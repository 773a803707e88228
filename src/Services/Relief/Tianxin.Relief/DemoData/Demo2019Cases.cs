using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Cases;
using Tianxin.Relief.Features.HomeModifications;

namespace Tianxin.Relief.DemoData;

/// <summary>
/// The 2019 report's relief cases for the demo persons, through the handlers the API uses: as many people
/// as the report counts, sharing its money to the fen, and its modified homes. A district with fewer demo
/// persons than the report's people gets fewer cases (the yearly limit per person stops the rest).
/// </summary>
public sealed class Demo2019Cases(NpgsqlDataSource dataSource, SubmitReliefCase submit, GrantReliefCase grant, SurveyHome survey,
    HomeModificationSteps homes)
{
    private const string Actor = "demo-data";
    private static readonly AreaScope District = AreaScope.District;

    public async Task SeedAsync(IReadOnlyList<Guid> persons, CancellationToken cancellationToken)
    {
        if (persons.Count == 0
            || await dataSource.Command("select exists (select 1 from relief_cases where submitted_by = $1)", Actor).ScalarAsync<bool>(cancellationToken))
        {
            return;
        }
        var programmes = await ReliefProgramme.ListAsync(dataSource, 2019, cancellationToken);
        foreach (var demo in DemoReliefProgrammes.For(2019))
        {
            var programme = programmes.Single(p => p.Code == demo.Programme.Code);
            var amounts = Yuan.Split(demo.Programme.Budget!.Value, demo.People2019);
            for (var n = 0; n < demo.People2019; n++)
            {
                var person = persons[n % persons.Count];
                var on = new DateOnly(2019, 1 + n % 12, 1 + n % 28);
                if (demo.Programme.Code == DemoReliefProgrammes.HomeModification)
                {
                    await ModifyHomeAsync(programme.Id, person, amounts[n], on, n, cancellationToken);
                    continue;
                }
                var submitted = await submit.HandleAsync(new ReliefCaseRequest(programme.Id, person, amounts[n], programme.Name, on,
                    n % 4 == 0 ? "cash" : "bank_transfer", null), District, Actor, cancellationToken);
                if (submitted.Succeeded)
                {
                    await grant.HandleAsync(submitted.Value.Id, District, Actor, cancellationToken);
                }
            }
        }
    }

    private async Task ModifyHomeAsync(Guid programme, Guid person, decimal cost, DateOnly surveyedOn, int n, CancellationToken cancellationToken)
    {
        var surveyed = await survey.HandleAsync(new SurveyRequest(programme, person, n % 3 == 0, "卫生间加装扶手、门槛坡化", surveyedOn), District, Actor,
            cancellationToken);
        if (!surveyed.Succeeded)
        {
            return;
        }
        var id = surveyed.Value.Id;
        await homes.PlanAsync(id, new PlanRequest("扶手、坡道、防滑地面", cost), District, Actor, cancellationToken);
        await homes.StartWorksAsync(id, new WorksRequest(surveyedOn.AddDays(10)), District, Actor, cancellationToken);
        await homes.CompleteAsync(id, new CompletionRequest(surveyedOn.AddDays(30), cost), District, Actor, cancellationToken);
    }
}
