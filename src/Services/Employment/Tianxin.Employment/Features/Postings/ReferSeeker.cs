using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Postings;

public sealed record ReferralRequest(Guid? PostingId, Guid? PersonId);

/// <summary>推荐就业: a registered seeker of the caller's area is referred to an open posting, once.</summary>
public sealed class ReferSeeker(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<Referral>> HandleAsync(ReferralRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.PostingId is null)
        {
            errors["postingId"] = ["请填写岗位 / Name the posting."];
        }
        if (request.PersonId is null)
        {
            errors["personId"] = ["请填写求职人员 / Name the seeker."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors);
        }
        var id = Guid.CreateVersion7();
        var inserted = await dataSource.Command(
            """
            insert into referrals (id, posting_id, person_id, community_code, referred_by)
            select $1, p.id, s.person_id, e.community_code, $5
            from postings p, seekers s join eligibility_persons e on e.person_id = s.person_id
            where p.id = $2 and p.status = 'open' and s.person_id = $3 and e.community_code like $4
            on conflict (posting_id, person_id) do nothing
            """, id, request.PostingId, request.PersonId, scope.Area.LikePattern, by).ExecuteAsync(cancellationToken);
        if (inserted == 1)
        {
            return (await Referral.FindAsync(dataSource, id, scope, cancellationToken))!;
        }
        return await dataSource.Command("select exists (select 1 from referrals where posting_id = $1 and person_id = $2)",
                request.PostingId, request.PersonId).ScalarAsync<bool>(cancellationToken)
            ? new Failure.Duplicate("此人已推荐到该岗位 / This seeker is already referred to this posting")
            : new Failure.NotFound("没有此在招岗位或本辖区求职人员 / No such open posting or seeker in your area");
    }
}
