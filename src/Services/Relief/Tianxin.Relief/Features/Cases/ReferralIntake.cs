using Microsoft.Extensions.Options;
using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Grievance;
using Tianxin.Contracts.Registry;

namespace Tianxin.Relief.Features.Cases;

public sealed class ReferralOptions
{
    public const string Section = "Relief:Referrals";

    /// <summary>The programme (its code; this year's) a hardship referral opens a case in.</summary>
    public string HardshipProgramme { get; set; } = "temporary_hardship";
}

/// <summary>
/// A case opened from another service's referral, on the person's street's list like any application, at
/// the amount suggested (at most the programme's limit per case). Without this year's programme or the
/// person's facts here, the referral is refused at once, so the referring service is never left waiting.
/// </summary>
public sealed class ReferralIntake(IOptions<ReferralOptions> options, Outbox outbox, TimeProvider clock)
{
    public const string ReferredBy = "referral";

    public async Task OpenAsync(NpgsqlTransaction transaction, HardshipReferred referral, CancellationToken cancellationToken)
    {
        var referredFrom = $"grievance:{referral.GrievanceId}";
        var today = clock.TodayInChina();
        var opened = await transaction.Command(
            """
            insert into relief_cases (id, programme_id, person_id, community_code, registered_poor, amount, cause, occurred_on, referred_from, submitted_by)
            select $1, p.id, e.person_id, e.community_code, $2 = any(e.household_flags),
                   least(coalesce($3, p.per_case_limit), p.per_case_limit), left($4, 200), $5, $6, $7
            from relief_programmes p, eligibility_persons e
            where p.code = $8 and p.year = $9 and e.person_id = $10 and coalesce($3, 1) > 0
              and not exists (select 1 from relief_cases c where c.referred_from = $6)
            """, Guid.CreateVersion7(), HouseholdStatuses.RegisteredPoor, referral.RequestedAmount, referral.Cause, referral.OccurredOn, referredFrom,
            ReferredBy, options.Value.HardshipProgramme, today.Year, referral.PersonId).ExecuteAsync(cancellationToken);
        var known = await transaction.Command("select exists (select 1 from relief_cases where referred_from = $1)", referredFrom)
            .ScalarAsync<bool>(cancellationToken);
        if (opened == 0 && !known)
        {
            await outbox.EnqueueAsync(transaction, new Contracts.Relief.ReliefRefused(Guid.Empty, referral.PersonId, options.Value.HardshipProgramme,
                today.Year, "本年度无临时救助项目或本服务尚无此人信息 / No hardship programme this year, or no facts for this person here", referredFrom,
                today, clock.GetUtcNow()), cancellationToken);
        }
    }
}
