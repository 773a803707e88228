using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Employment;

namespace Tianxin.Employment.Features.Training;

/// <param name="CertificateNo">The certificate the school issued, if any.</param>
public sealed record CompletionRequest(DateOnly? CompletedOn, string? CertificateNo);

/// <summary>A school records a trainee's completion (结业), once; a job started within the year's window after it is the course's conversion.</summary>
public sealed class CompleteTraining(NpgsqlDataSource dataSource, Outbox outbox, TimeProvider clock)
{
    public Task<Outcome<TrainingEnrolment>> HandleAsync(Guid enrolmentId, CompletionRequest request, string school, CancellationToken cancellationToken) =>
        dataSource.StepAsync(transaction => TrainingEnrolment.LockAsync(transaction, enrolmentId, cancellationToken), async (transaction, found) =>
        {
            if (found.School != school)
            {
                return TrainingRules.NotYourCourse;
            }
            if (request.CompletedOn is not { } day || day > clock.TodayInChina() || day < found.EnrolledOn)
            {
                return Failure.Field("completedOn", "结业日期格式为 yyyy-MM-dd，在报名日期与今天之间 / A date (yyyy-MM-dd) from enrolment to today.",
                    TrainingRules.InvalidTitle);
            }
            if (request.CertificateNo is { } number && !PlainText.IsValid(number.Trim(), 40))
            {
                return Failure.Field("certificateNo", "证书编号不超过40字 / At most 40 characters.", TrainingRules.InvalidTitle);
            }
            if (found.Status == "completed")
            {
                return new Failure.Conflict("已登记结业 / The completion is already recorded", null, "status");
            }
            await transaction.Command("update training_enrolments set status = 'completed', completed_on = $2, certificate_no = $3 where id = $1",
                enrolmentId, day, string.IsNullOrWhiteSpace(request.CertificateNo) ? null : request.CertificateNo.Trim()).ExecuteAsync(cancellationToken);
            var kind = await transaction.Command("select kind from training_courses where id = $1", found.CourseId).ScalarAsync<string>(cancellationToken);
            await outbox.EnqueueAsync(transaction, new TrainingCompleted(enrolmentId, found.CourseId, found.PersonId, school, kind, day, clock.GetUtcNow()),
                cancellationToken);
            return true;
        }, () => TrainingEnrolment.FindAsync(dataSource, enrolmentId, cancellationToken), cancellationToken);
}
