using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Posts;

/// <param name="Held">Places held now (open employment records naming the post).</param>
public sealed record PublicWelfarePost(Guid Id, string Name, string CommunityCode, int Places, decimal MonthlyAllowance, int Held)
{
    private const string Select =
        """
        select p.id, p.name, p.community_code, p.places, p.monthly_allowance,
               (select count(*) from employment_records r where r.post_id = p.id and r.ended_on is null) as held
        from public_welfare_posts p
        """;

    public static Task<PublicWelfarePost?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} where p.id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<PublicWelfarePost>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command($"{Select} order by p.community_code, p.name").ReadAllAsync(Read, cancellationToken);

    private static PublicWelfarePost Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<string>("name"), reader.Get<string>("community_code"), reader.Get<int>("places"),
            reader.Get<decimal>("monthly_allowance"), (int)reader.Get<long>("held"));
}
