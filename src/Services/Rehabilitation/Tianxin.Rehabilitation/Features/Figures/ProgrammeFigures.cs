using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Rehabilitation.Features.Figures;

/// <param name="PeopleServed">Distinct persons whose case was completed.</param>
/// <param name="PeopleInService">Distinct persons with an approved case not yet completed.</param>
/// <param name="NeedsServed">Assessed needs of the year whose person completed a case of this programme.</param>
/// <param name="Coverage">NeedsServed / NeedsAssessed (the 2020 target: at least 0.80), or null without needs.</param>
public sealed record ProgrammeFigures(
    Guid ProgrammeId, string Code, int Year, string Name, decimal Budget, decimal Committed, decimal Spent, decimal BudgetLeft,
    int Applications, int PeopleServed, int PeopleInService, int ItemsFitted, int Sessions, int Screenings, int PeopleScreened,
    int NeedsAssessed, int NeedsServed, decimal? Coverage, int Operations);

/// <summary>What the year-end report needs per programme and year, computed from the records themselves.</summary>
public static class ProgrammeFiguresApi
{
    private const string Query =
        """
        select p.id, p.code, p.year, p.name, p.budget, p.committed, p.spent, p.budget - p.committed,
          (select count(*)::int from applications a where a.programme_id = p.id),
          (select count(distinct a.person_id)::int from applications a where a.programme_id = p.id and a.status = 'completed'),
          (select count(distinct a.person_id)::int from applications a where a.programme_id = p.id and a.status = 'approved'),
          (select coalesce(sum(d.count), 0)::int from device_fittings d join applications a on a.id = d.application_id where a.programme_id = p.id),
          (select count(*)::int from service_sessions s join applications a on a.id = s.application_id where a.programme_id = p.id),
          (select count(*)::int from screenings s where s.programme_id = p.id),
          (select coalesce(sum(s.people_screened), 0)::int from screenings s where s.programme_id = p.id),
          (select count(*)::int from needs n where n.programme_code = p.code and n.year = p.year),
          (select count(*)::int from needs n where n.programme_code = p.code and n.year = p.year
              and exists (select 1 from applications a where a.programme_id = p.id and a.person_id = n.person_id and a.status = 'completed')),
          (select count(*)::int from operations o join applications a on a.id = o.application_id where a.programme_id = p.id)
        from programmes p
        """;

    public static IEndpointRouteBuilder MapProgrammeFiguresApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/figures", ListAsync).WithTags("Figures").RequireAuthorization(PlatformPolicies.Staff)
            .WithSummary("项目数据 Per programme of a year: people served, items fitted, money committed and spent, budget left, coverage of needs");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<ProgrammeFigures>>> ListAsync(int? year, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ProgrammeFigures>>(await FindAsync(dataSource, year, cancellationToken));

    public static Task<List<ProgrammeFigures>> FindAsync(NpgsqlDataSource dataSource, int? year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Query} where $1::int is null or p.year = $1 order by p.year desc, p.code", year)
            .ReadAllAsync(reader =>
            {
                var (needs, served) = (reader.GetInt32(15), reader.GetInt32(16));
                return new ProgrammeFigures(reader.GetGuid(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetDecimal(4),
                    reader.GetDecimal(5), reader.GetDecimal(6), reader.GetDecimal(7), reader.GetInt32(8), reader.GetInt32(9), reader.GetInt32(10),
                    reader.GetInt32(11), reader.GetInt32(12), reader.GetInt32(13), reader.GetInt32(14), needs, served,
                    needs == 0 ? null : decimal.Round((decimal)served / needs, 4), reader.GetInt32(17));
            }, cancellationToken);
}
