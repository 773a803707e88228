using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Contracts.Registry;

namespace Tianxin.Employment.Features.Postings;

public sealed record CandidateMatch(Guid PersonId, string CommunityCode, int? Category, int? Grade, int Score, IReadOnlyList<string> Reasons);

public sealed record PostingMatch(Guid PostingId, Guid EmployerId, string Title, string CommunityCode, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// For a posting, the seekers of the caller's area who could take it now (active, of working age, able to
/// work, without a job), ranked with their reasons; for a seeker, the open postings likewise.
/// </summary>
public sealed class FindMatches(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string Profiles =
        """
        with ages as materialized (select * from working_age_births($2))
        select s.person_id, s.community_code, s.category, s.grade, s.skills, s.working_ability, s.preferred_streets, s.hard_to_employ
        from seekers s join ages w on w.sex = s.sex and s.birth_date > w.born_after and s.birth_date <= w.born_until
        where s.community_code like $1 and s.person_status = 'active' and s.grade is not null and s.working_ability <> 'none' and not s.employed
        """;

    // Whom the work suits, as Matching.Suits decides: $3 the posting's categories (every category when it names none), $4–$5 its grades.
    private const string Suited = "s.category = any($3) and s.grade between $4 and $5";

    // Those it does not suit, by where they live against the workplace ($6 its community, $7 its street's pattern).
    private static readonly (Proximity Proximity, string Which)[] Unsuited =
    [
        (Proximity.SameCommunity, $"({Suited}) is not true and s.community_code = $6"),
        (Proximity.SameStreet, $"({Suited}) is not true and s.community_code like $7 and s.community_code <> $6"),
        (Proximity.Elsewhere, $"({Suited}) is not true and s.community_code not like $7"),
    ];

    /// <summary>
    /// Those the work suits are read and ranked first; those it does not, nearest first, only while one of them could
    /// still score more than the last of the best found so far.
    /// </summary>
    public async Task<Outcome<List<CandidateMatch>>> CandidatesAsync(Guid postingId, AreaScope scope, int limit, CancellationToken cancellationToken)
    {
        if (await Posting.FindAsync(dataSource, postingId, cancellationToken) is not { Status: "open" } posting)
        {
            return new Failure.NotFound("没有此在招岗位 / No such open posting");
        }
        var categories = (posting.Categories.Count > 0 ? posting.Categories : DisabilityCategories.Names.Keys).Select(c => (short)c).ToArray();
        Task<List<SeekerProfile>> ReadAsync(string which) =>
            dataSource.Command($"{Profiles} and {which}", scope.Area.LikePattern, clock.TodayInChina(), categories, (short)posting.MinGrade,
                (short)posting.MaxGrade, posting.CommunityCode, posting.StreetCode + "%").ReadAllAsync(Read, cancellationToken);

        var seekers = await ReadAsync(Suited);
        var best = Matching.BestSeekers(posting, seekers, limit);
        foreach (var (proximity, which) in Unsuited)
        {
            if (best.Count == limit && best[^1].Score > Matching.MostPointsUnsuited(proximity))
            {
                break;
            }
            seekers.AddRange(await ReadAsync(which));
            best = Matching.BestSeekers(posting, seekers, limit);
        }
        var byId = seekers.ToDictionary(s => s.PersonId);
        return best.Select(m => (Seeker: byId[m.Id], Match: m))
            .Select(c => new CandidateMatch(c.Seeker.PersonId, c.Seeker.CommunityCode, c.Seeker.Category, c.Seeker.Grade, c.Match.Score, c.Match.Reasons))
            .ToList();
    }

    public async Task<Outcome<List<PostingMatch>>> PostingsAsync(Guid personId, AreaScope scope, int limit, CancellationToken cancellationToken)
    {
        var seeker = await dataSource.Command($"{Profiles} and s.person_id = $3", scope.Area.LikePattern, clock.TodayInChina(), personId)
            .ReadFirstOrDefaultAsync(Read, cancellationToken);
        if (seeker is null)
        {
            return new Failure.NotFound("本辖区没有此可就业的求职人员 / No such seeker able to take a job in your area");
        }
        var postings = (await Posting.OpenAsync(dataSource, null, cancellationToken)).ToDictionary(p => p.Id);
        return Matching.BestPostings(postings.Values, seeker, limit)
            .Select(m => (Posting: postings[m.Id], Match: m))
            .Select(c => new PostingMatch(c.Posting.Id, c.Posting.EmployerId, c.Posting.Title, c.Posting.CommunityCode, c.Match.Score, c.Match.Reasons))
            .ToList();
    }

    private static SeekerProfile Read(NpgsqlDataReader reader) =>
        new(reader.Get<Guid>("person_id"), reader.Get<string>("community_code"), reader.Nullable<short>("category"), reader.Nullable<short>("grade"),
            reader.Get<string[]>("skills"), reader.Get<string>("working_ability"), reader.Get<string[]>("preferred_streets"),
            reader.Get<bool>("hard_to_employ"));
}
