using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Eligibility;

namespace Tianxin.Employment.Features.Training;

public sealed record EnrolmentRequest(Guid? PersonId, DateOnly? EnrolledOn);

/// <summary>A school enrols a certificate holder on one of its own courses, within its capacity.</summary>
public sealed class EnrolTrainee(NpgsqlDataSource dataSource, EligibilityCopy copy, TimeProvider clock)
{
    public async Task<Outcome<TrainingEnrolment>> HandleAsync(Guid courseId, EnrolmentRequest request, string school, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PersonId is null || request.PersonId == Guid.Empty)
        {
            errors["personId"] = ["请填写人员编号 / Give the person's id."];
        }
        var enrolledOn = DateFields.Past(request.EnrolledOn, "enrolledOn", errors, clock.TodayInChina());
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, TrainingRules.InvalidTitle);
        }
        if (await Course.FindAsync(dataSource, courseId, cancellationToken) is not { } course)
        {
            return new Failure.NotFound("没有此课程 / No such course");
        }
        if (course.School != school)
        {
            return TrainingRules.NotYourCourse;
        }
        if (await copy.FindAsync(request.PersonId!.Value, AreaScope.District, cancellationToken) is not { Status: "active", Grade: not null } person)
        {
            return Failure.Field("personId", "没有此持证残疾人 / No such certificate holder.", TrainingRules.InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        var outcome = await dataSource.InTransactionAsync(async transaction =>
        {
            // Locks the course so that two enrolments racing for the last place take turns.
            var enrolled = await transaction.Command(
                    "select (select count(*) from training_enrolments where course_id = c.id) from training_courses c where c.id = $1 for update",
                    courseId).ScalarAsync<long>(cancellationToken);
            if (enrolled >= course.Capacity)
            {
                return (Outcome<bool>)new Failure.Conflict("课程名额已满 / The course is full", null, "capacity");
            }
            return await transaction.Command(
                    """
                    insert into training_enrolments (id, course_id, person_id, community_code, enrolled_on) values ($1, $2, $3, $4, $5)
                    on conflict (course_id, person_id) do nothing
                    """, id, courseId, person.PersonId, person.CommunityCode, enrolledOn).ExecuteAsync(cancellationToken) == 1
                ? true
                : new Failure.Duplicate("此人已报名该课程 / This person is already enrolled on this course");
        }, cancellationToken);
        return outcome.Succeeded ? (await TrainingEnrolment.FindAsync(dataSource, id, cancellationToken))! : outcome.Failure!;
    }
}
