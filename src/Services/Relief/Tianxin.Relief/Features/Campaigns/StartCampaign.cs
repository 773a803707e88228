using Npgsql;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;
using Tianxin.Relief.Features.Cases;

namespace Tianxin.Relief.Features.Campaigns;

/// <param name="HouseholdFlags">Statuses or special groups of which the household has one (e.g. registered_poor, alone); null for any.</param>
public sealed record CampaignRequest(
    Guid? ProgrammeId, string? Festival, string? Name, int[]? Grades, int[]? Categories, string[]? HouseholdFlags, decimal? AmountPerVisit,
    DateOnly? VisitsFrom, DateOnly? VisitsTo);

/// <summary>A festival campaign: its selection rule lists, at once, every active certificate holder of the district it matches.</summary>
public sealed class StartCampaign(NpgsqlDataSource dataSource)
{
    public const string InvalidTitle = "走访慰问活动信息有误 / The campaign has errors";
    private static readonly string[] Festivals = ["spring_festival", "disability_day", "mid_autumn", "other"];
    private static readonly string[] Flags =
        [.. HouseholdStatuses.All, "elderly_carer", "multiple_disabled", "elderly_disabled", "alone"];

    public async Task<Outcome<Campaign>> HandleAsync(CampaignRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var programme = request.ProgrammeId is { } id ? await ReliefProgramme.FindAsync(dataSource, id, cancellationToken) : null;
        if (programme is null)
        {
            errors["programmeId"] = ["没有此救助项目 / No such relief programme."];
        }
        if (request.Festival is null || !Festivals.Contains(request.Festival))
        {
            errors["festival"] = [$"节日为 {string.Join("、", Festivals)} / Unknown festival."];
        }
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写活动名称（不超过100字） / Give a name of at most 100 characters."];
        }
        if (request.Grades is { } grades && (grades.Length == 0 || grades.Any(g => g is < 1 or > 4)))
        {
            errors["grades"] = ["残疾等级为1至4 / Grades are 1 to 4."];
        }
        if (request.Categories is { } categories && (categories.Length == 0 || categories.Any(c => c is < 1 or > 7)))
        {
            errors["categories"] = ["残疾类别为1至7 / Categories are 1 to 7."];
        }
        if (request.HouseholdFlags is { } flags && (flags.Length == 0 || flags.Any(f => !Flags.Contains(f))))
        {
            errors["householdFlags"] = [$"家庭情况为 {string.Join("、", Flags)} / Unknown household status or group."];
        }
        var amount = Yuan.Check(request.AmountPerVisit, "amountPerVisit", errors, programme?.PerCaseLimit ?? Yuan.Ceiling, positive: true);
        if (request.VisitsFrom is null || request.VisitsTo is null || request.VisitsTo < request.VisitsFrom)
        {
            errors["visitsTo"] = ["请填写走访起止日期，结束不早于开始 / Give the visits' first and last day, the last not before the first."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var campaign = Guid.CreateVersion7();
        await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command(
                """
                insert into campaigns (id, programme_id, festival, name, grades, categories, household_flags, amount_per_visit, visits_from, visits_to, created_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                """, campaign, programme!.Id, request.Festival, request.Name!.Trim(), Shorts(request.Grades), Shorts(request.Categories),
                request.HouseholdFlags, amount!.Value.Amount, request.VisitsFrom, request.VisitsTo, by).ExecuteAsync(cancellationToken);
            await transaction.Command(
                """
                with listed as (
                    insert into campaign_visits (id, campaign_id, person_id, community_code, registered_poor)
                    select gen_random_uuid(), c.id, p.person_id, p.community_code, $2 = any(p.household_flags)
                    from campaigns c join eligibility_persons p on p.status = 'active' and p.grade is not null
                        and (c.grades is null or p.grade = any(c.grades)) and (c.categories is null or p.category = any(c.categories))
                        and (c.household_flags is null or p.household_flags && c.household_flags)
                    where c.id = $1
                    returning 1)
                update campaigns set listed = (select count(*) from listed) where id = $1
                """, campaign, HouseholdStatuses.RegisteredPoor).ExecuteAsync(cancellationToken);
            return true;
        }, cancellationToken);
        return (await Campaign.FindAsync(dataSource, campaign, cancellationToken))!;
    }

    private static short[]? Shorts(int[]? values) => values?.Select(v => (short)v).ToArray();
}
