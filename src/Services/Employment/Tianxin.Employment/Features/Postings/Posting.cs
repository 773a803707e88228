using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Postings;

/// <param name="Categories">Disability categories (1–7) the work suits; empty suits every category.</param>
/// <param name="Hours">full_time, part_time or flexible.</param>
public sealed record Posting(
    Guid Id, Guid EmployerId, string Title, string CommunityCode, IReadOnlyList<int> Categories, int MinGrade, int MaxGrade, bool Accessible,
    string Hours, IReadOnlyList<string> Skills, int Openings, string Status)
{
    public string StreetCode => CommunityCode[..9];

    private const string Columns = "id, employer_id, title, community_code, categories, min_grade, max_grade, accessible, hours, skills, openings, status";

    public static Task<Posting?> FindAsync(NpgsqlDataSource dataSource, Guid id, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from postings where id = $1", id).ReadFirstOrDefaultAsync(Read, cancellationToken);

    public static Task<List<Posting>> OpenAsync(NpgsqlDataSource dataSource, Guid? employerId, CancellationToken cancellationToken) =>
        dataSource.Command($"select {Columns} from postings where status = 'open' and ($1::uuid is null or employer_id = $1) order by created_at desc",
            employerId).ReadAllAsync(Read, cancellationToken);

    private static Posting Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("id"), reader.Get<Guid>("employer_id"), reader.Get<string>("title"), reader.Get<string>("community_code"),
            reader.Get<short[]>("categories").Select(c => (int)c).ToList(), reader.Get<short>("min_grade"), reader.Get<short>("max_grade"),
            reader.Get<bool>("accessible"), reader.Get<string>("hours"), reader.Get<string[]>("skills"), reader.Get<int>("openings"),
            reader.Get<string>("status"));
}
