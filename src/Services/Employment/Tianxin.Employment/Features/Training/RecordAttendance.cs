using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Training;

public sealed record AttendanceRequest(DateOnly? SessionOn, bool Present);

/// <summary>A school records one session's attendance of a trainee: on or after enrolment, not in the future; a second record of the day replaces the first.</summary>
public sealed class RecordAttendance(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public Task<Outcome<TrainingEnrolment>> HandleAsync(Guid enrolmentId, AttendanceRequest request, string school, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => TrainingEnrolment.LockAsync(transaction, enrolmentId, cancellationToken), async (transaction, found) =>
        {
            if (found.School != school)
            {
                return TrainingRules.NotYourCourse;
            }
            if (request.SessionOn is not { } day || day > clock.TodayInChina())
            {
                return Failure.Field("sessionOn", "上课日期格式为 yyyy-MM-dd，不能晚于今天 / A session date (yyyy-MM-dd) not after today.", TrainingRules.InvalidTitle);
            }
            if (day < found.EnrolledOn)
            {
                return Failure.Field("sessionOn", "上课日期不能早于报名日期 / A session is on or after the day of enrolment.", TrainingRules.InvalidTitle);
            }
            await transaction.Command(
                """
                insert into training_attendance (enrolment_id, session_on, present, recorded_by) values ($1, $2, $3, $4)
                on conflict (enrolment_id, session_on) do update set present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = now()
                """, enrolmentId, day, request.Present, school).ExecuteAsync(cancellationToken);
            return true;
        }, () => TrainingEnrolment.FindAsync(dataSource, enrolmentId, cancellationToken), cancellationToken);
}
