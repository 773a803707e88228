using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Training;

/// <param name="Status">enrolled or completed.</param>
/// <param name="SessionsAttended">Sessions recorded present.</param>
public sealed record TrainingEnrolment(
    Guid Id, Guid CourseId, string School, Guid PersonId, string CommunityCode, DateOnly EnrolledOn, string Status, DateOnly? CompletedOn,
    string? CertificateNo, int SessionsAttended)
{
    private const string Select =
        """
        select e.id, e.course_id, c.school, e.person_id, e.community_code, e.enrolled_on, e.status, e.completed_on, e.certificate_no,
               (select count(*) from training_attendance a where a.enrolment_id = e.id and a.present) as attended
        from training_enrolments e join training_courses c on c.id = e.course_id
        """;

    public static Task<TrainingEnrolment?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where e.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    /// <summary>Locks the enrolment's row for a change by its school.</summary>
    public static Task<TrainingEnrolment?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Command($"{Select} where e.id = $1 for update of e", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<TrainingEnrolment>> OfCourseAsync(NpgsqlDataSource dataSource, Guid courseId, string communityPattern,
        CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where e.course_id = $1 and e.community_code like $2 order by e.enrolled_on, e.id", courseId, communityPattern)
            .ReadAllAsync(Read, cancellationToken);

    private static TrainingEnrolment Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("course_id"), reader.Get<string>("school"), reader.Get<Guid>("person_id"),
            reader.Get<string>("community_code"), reader.Get<DateOnly>("enrolled_on"), reader.Get<string>("status"),
            reader.Nullable<DateOnly>("completed_on"), reader.NullableString("certificate_no"), (int)reader.Get<long>("attended"));
}
