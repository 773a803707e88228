using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Fairs;

/// <param name="Placements">Attending seekers whose job with an attending employer started from the fair's day to its attribution window's end.</param>
public sealed record JobFair(
    Guid Id, string Name, DateOnly HeldOn, string CommunityCode, int AttributionDays, int Employers, int Postings, int Seekers, int Agreements,
    int Placements)
{
    private const string Select =
        """
        select f.id, f.name, f.held_on, f.community_code, f.attribution_days,
               (select count(*) from fair_employers e where e.fair_id = f.id) as employers,
               (select count(*) from postings p join fair_employers e on e.employer_id = p.employer_id
                where e.fair_id = f.id and p.status = 'open') as postings,
               (select count(*) from fair_seekers s where s.fair_id = f.id) as seekers,
               (select count(*) from fair_agreements a where a.fair_id = f.id) as agreements,
               (select count(distinct s.person_id) from fair_seekers s
                join employment_records r on r.person_id = s.person_id
                join fair_employers e on e.fair_id = f.id and e.employer_id = r.employer_id
                where s.fair_id = f.id and r.started_on between f.held_on and f.held_on + f.attribution_days) as placements
        from job_fairs f
        """;

    public static Task<JobFair?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where f.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<JobFair>> OfYearAsync(NpgsqlDataSource dataSource, int year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where extract(year from f.held_on) = $1 order by f.held_on", year).ReadAllAsync(Read, cancellationToken);

    private static JobFair Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("name"), reader.Get<DateOnly>("held_on"), reader.Get<string>("community_code"),
            reader.Get<int>("attribution_days"), (int)reader.Get<long>("employers"), (int)reader.Get<long>("postings"), (int)reader.Get<long>("seekers"),
            (int)reader.Get<long>("agreements"), (int)reader.Get<long>("placements"));
}
