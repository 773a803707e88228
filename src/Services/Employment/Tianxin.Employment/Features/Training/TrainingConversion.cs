using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Training;

/// <param name="Converted">Completions followed by a job started within the rule's months (培训后就业).</param>
/// <param name="Rate">Converted ÷ completed, 0 without completions.</param>
public sealed record CourseConversion(Guid CourseId, string School, string Name, string Kind, int Enrolled, int Completed, int Converted, decimal Rate);

public sealed record SchoolConversion(string School, int Completed, int Converted, decimal Rate);

/// <param name="WindowMonths">The year's conversion window (training_rules).</param>
public sealed record ConversionFigures(int Year, int WindowMonths, IReadOnlyList<CourseConversion> Courses, IReadOnlyList<SchoolConversion> Schools);

/// <summary>Training-to-job conversion of the courses that ended in a year, per course and per school.</summary>
public sealed class TrainingConversion(NpgsqlDataSource dataSource)
{
    public async Task<ConversionFigures> ForYearAsync(int year, CancellationToken cancellationToken)
    {
        // The latest rule not after the year; for a year before the first rule, the first.
        var window = await dataSource.Command("select conversion_months from training_rules order by year > $1, abs(year - $1) limit 1", year)
            .ScalarAsync<int>(cancellationToken);
        var courses = await dataSource.Command(
                """
                select c.id, c.school, c.name, c.kind, count(e.id) as enrolled,
                       count(e.id) filter (where e.status = 'completed') as completed,
                       count(e.id) filter (where e.status = 'completed' and exists (
                           select 1 from employment_records r
                           where r.person_id = e.person_id and r.started_on >= e.completed_on
                             and r.started_on <= e.completed_on + make_interval(months => $2))) as converted
                from training_courses c left join training_enrolments e on e.course_id = c.id
                where extract(year from c.ends_on) = $1
                group by c.id order by c.school, c.starts_on, c.id
                """, year, window)
            .ReadAllAsync(reader =>
            {
                var completed = (int)reader.Get<long>("completed");
                var converted = (int)reader.Get<long>("converted");
                return new CourseConversion(reader.Get<Guid>("id"), reader.Get<string>("school"), reader.Get<string>("name"), reader.Get<string>("kind"),
                    (int)reader.Get<long>("enrolled"), completed, converted, Rate(converted, completed));
            }, cancellationToken);
        var schools = courses.GroupBy(c => c.School)
            .Select(g => new SchoolConversion(g.Key, g.Sum(c => c.Completed), g.Sum(c => c.Converted), Rate(g.Sum(c => c.Converted), g.Sum(c => c.Completed))))
            .ToList();
        return new ConversionFigures(year, window, courses, schools);
    }

    public static decimal Rate(int part, int whole) => whole == 0 ? 0m : Math.Round((decimal)part / whole, 4, MidpointRounding.AwayFromZero);
}
