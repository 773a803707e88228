using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Contracts.Relief;
using Tianxin.Eligibility;

namespace Tianxin.Relief.Features.Schooling;

/// <param name="Stage">Required when enrolled; see <see cref="SchoolStages"/>.</param>
public sealed record SchoolingReport(Guid? PersonId, int? Year, string? Stage, bool Enrolled, string? School);

public sealed record SchoolingStatus(Guid PersonId, int Year, string? Stage, bool Enrolled, string? School);

/// <summary>
/// The education bureau's report of a certificate holder's schooling for a year (not a future one), replacing
/// an earlier report of the same year, and published so that the plan's compulsory-education target follows it.
/// </summary>
public sealed class ReportSchooling(NpgsqlDataSource dataSource, EligibilityCopy copy, Outbox outbox, TimeProvider clock)
{
    public const string InvalidTitle = "就学信息有误 / The schooling report has errors";

    public async Task<Outcome<SchoolingStatus>> HandleAsync(SchoolingReport report, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (report.PersonId is null || report.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        DateFields.PastYear(report.Year, "year", errors, clock.TodayInChina());
        var stage = report.Stage is null && !report.Enrolled ? null : await SchoolStages.CheckAsync(dataSource, report.Stage, errors, cancellationToken);
        var school = report.School?.Trim() is { Length: > 0 } named ? named : null;
        if (school is not null && !PlainText.IsValid(school, 100))
        {
            errors["school"] = ["学校名称不超过100字 / The school's name is at most 100 characters."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        if (await copy.FindAsync(report.PersonId!.Value, AreaScope.District, cancellationToken) is not { Grade: not null })
        {
            return new Failure.NotFound("没有此持证残疾人 / No such certificate holder");
        }
        var status = new SchoolingStatus(report.PersonId!.Value, report.Year!.Value, stage?.Code, report.Enrolled, school);
        return await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command(
                """
                insert into schooling (person_id, year, stage, enrolled, school, reported_by) values ($1, $2, $3, $4, $5, $6)
                on conflict (person_id, year) do update
                    set stage = excluded.stage, enrolled = excluded.enrolled, school = excluded.school, reported_by = excluded.reported_by,
                        reported_at = now()
                """, status.PersonId, status.Year, status.Stage, status.Enrolled, status.School, by).ExecuteAsync(cancellationToken);
            await outbox.EnqueueAsync(transaction, new SchoolingReported(status.PersonId, status.Year, status.Stage, status.Enrolled, clock.GetUtcNow()),
                cancellationToken);
            return status;
        }, cancellationToken);
    }

    public static Task<SchoolingStatus?> FindAsync(NpgsqlDataSource dataSource, Guid personId, int year, CancellationToken cancellationToken) =>
        dataSource.Command("select person_id, year, stage, enrolled, school from schooling where person_id = $1 and year = $2", personId, year)
            .ReadFirstOrDefaultAsync(r => new SchoolingStatus(r.GetGuid(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3),
                r.IsDBNull(4) ? null : r.GetString(4)), cancellationToken);
}
