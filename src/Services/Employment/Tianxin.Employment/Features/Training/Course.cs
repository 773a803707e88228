using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Training;

/// <param name="School">The training school's partner id, which alone may change the course.</param>
/// <param name="Kind">general, order (订单), directed (定向) or fixed_post (定岗): the last three are 三定培训.</param>
public sealed record Course(Guid Id, string School, string Name, string Kind, DateOnly StartsOn, DateOnly EndsOn, int Capacity, int Enrolled)
{
    private const string Select =
        """
        select c.id, c.school, c.name, c.kind, c.starts_on, c.ends_on, c.capacity,
               (select count(*) from training_enrolments e where e.course_id = c.id) as enrolled
        from training_courses c
        """;

    public static Task<Course?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where c.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<Course>> ListAsync(NpgsqlDataSource dataSource, string? school, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where $1::text is null or c.school = $1 order by c.starts_on desc limit 1000", school)
            .ReadAllAsync(Read, cancellationToken);

    private static Course Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("school"), reader.Get<string>("name"), reader.Get<string>("kind"),
            reader.Get<DateOnly>("starts_on"), reader.Get<DateOnly>("ends_on"), reader.Get<int>("capacity"), (int)reader.Get<long>("enrolled"));
}
