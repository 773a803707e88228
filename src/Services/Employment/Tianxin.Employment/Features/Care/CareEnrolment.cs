using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Care;

/// <param name="MonthsServed">Months the institution recorded as served.</param>
public sealed record CareEnrolment(
    Guid Id, Guid CentreId, string Institution, Guid PersonId, string CommunityCode, string Kind, DateOnly StartsOn, DateOnly? EndsOn, int MonthsServed)
{
    private const string Select =
        """
        select e.id, e.centre_id, c.institution, e.person_id, e.community_code, e.kind, e.starts_on, e.ends_on,
               (select count(*) from care_service_months m where m.enrolment_id = e.id) as months
        from care_enrolments e join care_centres c on c.id = e.centre_id
        """;

    public static Task<CareEnrolment?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where e.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<CareEnrolment?> LockAsync(NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        transaction.Command($"{Select} where e.id = $1 for update of e", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<CareEnrolment>> ListAsync(NpgsqlDataSource dataSource, string? kind, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                $"{Select} where e.community_code like $1 and ($2::text is null or e.kind = $2) order by e.starts_on desc, e.id limit 1000",
                scope.Area.LikePattern, kind)
            .ReadAllAsync(Read, cancellationToken);

    private static CareEnrolment Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("centre_id"), reader.Get<string>("institution"), reader.Get<Guid>("person_id"),
            reader.Get<string>("community_code"), reader.Get<string>("kind"), reader.Get<DateOnly>("starts_on"), reader.Nullable<DateOnly>("ends_on"),
            (int)reader.Get<long>("months"));
}
