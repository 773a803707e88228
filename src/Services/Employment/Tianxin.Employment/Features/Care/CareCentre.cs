using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Care;

/// <param name="Kind">day_care (日间照料) or home_care (居家托养).</param>
/// <param name="Institution">The care institution's partner id, which records the months served.</param>
public sealed record CareCentre(Guid Id, string Name, string Kind, string Institution, string CommunityCode, int Capacity, int Enrolled)
{
    private const string Select =
        """
        select c.id, c.name, c.kind, c.institution, c.community_code, c.capacity,
               (select count(*) from care_enrolments e where e.centre_id = c.id and e.ends_on is null) as enrolled
        from care_centres c
        """;

    public static Task<CareCentre?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where c.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<CareCentre>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} order by c.kind, c.name").ReadAllAsync(Read, cancellationToken);

    private static CareCentre Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("name"), reader.Get<string>("kind"), reader.Get<string>("institution"),
            reader.Get<string>("community_code"), reader.Get<int>("capacity"), (int)reader.Get<long>("enrolled"));
}
