using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Grievance;

namespace Tianxin.Employment.Features.LabourCases;

/// <summary>
/// One case per referring grievance, on the person's street's list, or the district's when the copy does not
/// know the person; a kind this service does not know is followed up as a dismissal.
/// </summary>
public static class LabourCaseIntake
{
    public static async Task OpenAsync(NpgsqlTransaction transaction, EmploymentDisputeReferred referral, CancellationToken cancellationToken)
    {
        var community = await transaction.Command("select community_code from eligibility_persons where person_id = $1", referral.PersonId)
            .ReadAllAsync(reader => reader.Get<string>("community_code"), cancellationToken);
        await transaction.Command(
            """
            insert into labour_cases (id, grievance_id, person_id, community_code, kind, employer_name, summary, occurred_on)
            values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict (grievance_id) do nothing
            """, Guid.CreateVersion7(), referral.GrievanceId, referral.PersonId, community.FirstOrDefault() ?? AreaCode.District.Value,
            referral.Kind is "unpaid_wages" ? referral.Kind : "dismissal", referral.EmployerName, referral.Summary, referral.OccurredOn)
            .ExecuteAsync(cancellationToken);
    }
}
