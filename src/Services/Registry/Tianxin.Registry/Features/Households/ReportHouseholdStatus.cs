using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Features.Persons;

namespace Tianxin.Registry.Features.Households;

/// <param name="IdNumber">A registered member of the household, as civil affairs knows them.</param>
/// <param name="InForce">True: the status starts on the day; false: the status in force ends on the day.</param>
/// <param name="Source">The list or decision it comes from, e.g. 区民政局低保名单2026-12.</param>
public sealed record HouseholdStatusReport(string? IdNumber, string? Status, bool InForce, DateOnly? On, string? Source);

/// <param name="Changed">False when the household already had (or no longer had) the status on that day.</param>
public sealed record HouseholdStatusAnswer(Guid HouseholdId, string Status, bool InForce, bool Changed);

/// <summary>
/// District civil affairs pushes a household's 低保 or 特困 starting or ending, before anyone at the federation
/// enters it; the household's event then reaches relief, whose discovery proposes the living subsidy. A push
/// of what is already so changes nothing, so civil affairs may send its whole monthly list again.
/// </summary>
public sealed class ReportHouseholdStatus(PersonStore store, PersonalDataProtector protector, HouseholdRegistrar registrar, TimeProvider clock)
{
    private const string InvalidTitle = "家庭状态信息有误 / The household status has errors";
    private static readonly string[] CivilAffairsStatuses = [HouseholdStatuses.MinimumLiving, HouseholdStatuses.ExtremePoverty];

    public async Task<Outcome<HouseholdStatusAnswer>> HandleAsync(HouseholdStatusReport report, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var idNumber = ResidentIdNumber.Parse(report.IdNumber, clock);
        if (!idNumber.IsValid)
        {
            errors["idNumber"] = [idNumber.Message];
        }
        if (!CivilAffairsStatuses.Contains(report.Status))
        {
            errors["status"] = ["民政推送的状态为 minimum_living（低保）或 extreme_poverty（特困） / The status is minimum_living or extreme_poverty."];
        }
        if (report.On is null)
        {
            errors["on"] = ["请填写日期 / Give the day."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await store.FindByIdNumberAsync(protector.BlindIndex(idNumber.Number!.Value, PersonRow.IdNumberPurpose), AreaScope.District,
                cancellationToken) is not { } person)
        {
            return new Failure.NotFound("没有此身份证号的登记 / No registered person with this ID number");
        }
        if (person.HouseholdId is not { } householdId || await registrar.FindAsync(householdId, AreaScope.District, cancellationToken) is not { } household)
        {
            return new Failure.Conflict("此人尚未登记家庭，请街道先建立家庭 / The person is in no household: the street records it first", null,
                "household_required");
        }
        var day = report.On!.Value;
        var covering = household.Statuses.FirstOrDefault(s =>
            s.Status == report.Status && s.EffectiveFrom <= day && (s.EffectiveTo is null || s.EffectiveTo >= day));
        Dictionary<string, string[]>? failed = null;
        var changed = false;
        if (report.InForce && covering is null)
        {
            (changed, failed) = (true, (await registrar.RecordStatusAsync(householdId, new StatusRequest(report.Status, day, null, report.Source), actor,
                cancellationToken)).Errors);
        }
        else if (!report.InForce && covering is not null && covering.EffectiveTo != day)
        {
            (changed, failed) = (true, (await registrar.EndStatusAsync(householdId, covering.Id, day, actor, cancellationToken)).Errors);
        }
        return failed is not null
            ? Failure.Fields(failed, InvalidTitle)
            : new HouseholdStatusAnswer(householdId, report.Status!, report.InForce, changed);
    }
}
