using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

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
        select s.person_id, e.community_code, e.category, e.grade, s.skills, s.working_ability, s.preferred_streets, s.hard_to_employ
        from seekers s join eligibility_persons e on e.person_id = s.person_id
        join ages w on w.sex = e.sex and e.birth_date > w.born_after and e.birth_date <= w.born_until
        where e.community_code like $1 and e.status = 'active' and e.grade is not null and s.working_ability <> 'none' and not s.employed
        """;

    public async Task<Outcome<List<CandidateMatch>>> CandidatesAsync(Guid postingId, AreaScope scope, int limit, CancellationToken cancellationToken)
    {
        if (await Posting.FindAsync(dataSource, postingId, cancellationToken) is not { Status: "open" } posting)
        {
            return new Failure.NotFound("没有此在招岗位 / No such open posting");
        }
        var seekers = await dataSource.Command(Profiles, scope.Area.LikePattern, clock.TodayInChina()).ReadAllAsync(Read, cancellationToken);
        var byId = seekers.ToDictionary(s => s.PersonId);
        return Matching.BestSeekers(posting, seekers, limit)
            .Select(m => (Seeker: byId[m.Id], Match: m))
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
