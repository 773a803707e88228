using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Employment;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.SocialInsurance;

public sealed record SocialInsuranceReport(Guid? PersonId, int? Year, bool Pension, bool Medical);

/// <param name="Year">Null when the person has no report.</param>
public sealed record InsuranceStatus(Guid PersonId, int? Year, bool Pension, bool Medical);

/// <summary>
/// The HR bureau's report of a certificate holder's pension and medical insurance for a year (not a future one),
/// published with the row it writes so that the report's social security target follows it.
/// </summary>
public sealed class RecordSocialInsurance(NpgsqlDataSource dataSource, EligibilityCopy copy, Outbox outbox, TimeProvider clock)
{
    public async Task<Outcome<InsuranceStatus>> HandleAsync(SocialInsuranceReport report, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (report.PersonId is null || report.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        DateFields.PastYear(report.Year, "year", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "参保信息有误 / The report has errors");
        }
        if (await copy.FindAsync(report.PersonId!.Value, AreaScope.District, cancellationToken) is not { Grade: not null })
        {
            return new Failure.NotFound("没有此持证残疾人 / No such certificate holder");
        }
        return await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command(
                """
                insert into social_insurance (person_id, year, pension, medical, reported_by) values ($1, $2, $3, $4, $5)
                on conflict (person_id, year) do update
                    set pension = excluded.pension, medical = excluded.medical, reported_by = excluded.reported_by, reported_at = now()
                """, report.PersonId, report.Year, report.Pension, report.Medical, by).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction,
                new SocialInsuranceReported(report.PersonId!.Value, report.Year!.Value, report.Pension, report.Medical, clock.GetUtcNow()), cancellationToken);
            return new InsuranceStatus(report.PersonId!.Value, report.Year, report.Pension, report.Medical);
        }, cancellationToken);
    }
}
