using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Employers;

/// <param name="CommunityCode">Where the employer's workplace is.</param>
public sealed record Employer(Guid Id, string CreditCode, string Name, string CommunityCode, bool Accessible)
{
    private const string Columns = "id, credit_code, name, community_code, accessible";

    public static Task<Employer?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from employers where id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<Employer>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from employers order by name limit 5000").ReadAllAsync(Read, cancellationToken);

    private static Employer Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("credit_code"), reader.Get<string>("name"), reader.Get<string>("community_code"),
            reader.Get<bool>("accessible"));
}
