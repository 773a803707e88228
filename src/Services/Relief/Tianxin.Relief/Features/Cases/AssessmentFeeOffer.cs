using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;

namespace Tianxin.Relief.Features.Cases;

/// <summary>
/// A person's first certificate offers the disability assessment fee subsidy (残疾鉴定补助): a case for the
/// programme of this year appears on the street's list, at the programme's amount per case, for the usual
/// grant within budget. Once per person, whatever certificates follow.
/// </summary>
public sealed class AssessmentFeeOffer(TimeProvider clock)
{
    public const string Programme = "assessment_fee";
    public const string OfferedBy = "discovery";

    public Task OfferAsync(NpgsqlTransaction transaction, EligibilityFacts holder, Guid certificateId, DateOnly issuedOn,
        CancellationToken cancellationToken) =>
        transaction.Command(
            """
            insert into relief_cases (id, programme_id, person_id, community_code, registered_poor, amount, cause, occurred_on, referred_from, submitted_by)
            select $1, p.id, $2, $3, $4, p.per_case_limit, '首次办证残疾鉴定补助 / Assessment fee of a first certificate', $5, $6, $7
            from relief_programmes p
            where p.code = $8 and p.year = $9
              and not exists (select 1 from relief_cases c join relief_programmes o on o.id = c.programme_id where c.person_id = $2 and o.code = $8)
            """, Guid.CreateVersion7(), holder.PersonId, holder.CommunityCode, holder.HouseholdFlags.Contains(HouseholdStatuses.RegisteredPoor),
            issuedOn, $"registry:{certificateId}", OfferedBy, Programme, clock.TodayInChina().Year).ExecuteAsync(cancellationToken);
}
