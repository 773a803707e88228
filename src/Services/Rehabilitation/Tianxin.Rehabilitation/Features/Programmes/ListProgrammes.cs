using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Programmes;

public sealed class ListProgrammes(NpgsqlDataSource dataSource)
{
    public Task<List<Programme>> HandleAsync(int? year, CancellationToken cancellationToken) =>
        dataSource.Command($"{Programme.Select} where $1::int is null or p.year = $1 order by p.year desc, p.code", year)
            .ReadAllAsync(Programme.Read, cancellationToken);
}
