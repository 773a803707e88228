using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Figures;

/// <summary>What the year-end report needs per programme and year, computed from the records themselves.</summary>
public sealed class FindProgrammeFigures(NpgsqlDataSource dataSource)
{
    private const string Query =
        """
        select p.id, p.code, p.year, p.name, b.budget, b.committed, b.spent, b.budget - b.committed as budget_left,
          (select count(*)::int from applications a where a.programme_id = p.id) as applications,
          (select count(distinct a.person_id)::int from applications a where a.programme_id = p.id and a.status = 'completed') as people_served,
          (select count(distinct a.person_id)::int from applications a where a.programme_id = p.id and a.status = 'approved') as people_in_service,
          (select coalesce(sum(d.count), 0)::int from device_fittings d join applications a on a.id = d.application_id
              where a.programme_id = p.id) as items_fitted,
          (select count(*)::int from service_sessions s join applications a on a.id = s.application_id where a.programme_id = p.id) as sessions,
          (select count(*)::int from screenings s where s.programme_id = p.id) as screenings,
          (select coalesce(sum(s.people_screened), 0)::int from screenings s where s.programme_id = p.id) as people_screened,
          (select count(*)::int from needs n where n.programme_code = p.code and n.year = p.year) as needs_assessed,
          (select count(*)::int from needs n where n.programme_code = p.code and n.year = p.year
              and exists (select 1 from applications a where a.programme_id = p.id and a.person_id = n.person_id and a.status = 'completed'))
              as needs_served,
          (select count(*)::int from operations o join applications a on a.id = o.application_id where a.programme_id = p.id) as operations,
          (select coalesce(sum(a.amount), 0) from applications a where a.programme_id = p.id and a.status in ('approved', 'completed')) as approved,
          (select count(distinct a.person_id)::int from applications a where a.programme_id = p.id and a.status in ('approved', 'completed'))
              as people_approved,
          (select coalesce(sum(d.cost), 0) from device_fittings d join applications a on a.id = d.application_id where a.programme_id = p.id)
              as devices_cost,
          (select count(distinct a.person_id)::int from device_fittings d join applications a on a.id = d.application_id where a.programme_id = p.id)
              as people_fitted
        from programmes p join budget_lines b on b.id = p.id
        """;

    public Task<List<ProgrammeFigures>> HandleAsync(int? year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Query} where $1::int is null or p.year = $1 order by p.year desc, p.code", year)
            .ReadAllAsync(Read, cancellationToken);

    private static ProgrammeFigures Read(NpgsqlDataReader reader)
    {
        var (needs, served) = (reader.Get<int>("needs_assessed"), reader.Get<int>("needs_served"));
        return new ProgrammeFigures(reader.Get<Guid>("id"), reader.Get<string>("code"), reader.Get<int>("year"), reader.Get<string>("name"),
            reader.Get<decimal>("budget"), reader.Get<decimal>("committed"), reader.Get<decimal>("spent"), reader.Get<decimal>("budget_left"),
            reader.Get<int>("applications"), reader.Get<int>("people_served"), reader.Get<int>("people_in_service"), reader.Get<int>("items_fitted"),
            reader.Get<int>("sessions"), reader.Get<int>("screenings"), reader.Get<int>("people_screened"), needs, served,
            needs == 0 ? null : decimal.Round((decimal)served / needs, 4), reader.Get<int>("operations"),
            reader.Get<decimal>("approved"), reader.Get<int>("people_approved"), reader.Get<decimal>("devices_cost"), reader.Get<int>("people_fitted"));
    }
}
