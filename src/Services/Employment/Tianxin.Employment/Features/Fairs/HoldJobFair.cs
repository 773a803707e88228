using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Fairs;

/// <param name="AttributionDays">Placements this many days after the fair are still the fair's; 30 when not given.</param>
public sealed record JobFairRequest(string? Name, DateOnly? HeldOn, string? CommunityCode, int? AttributionDays);

public sealed record FairEmployerRequest(Guid? EmployerId);

public sealed record FairSeekerRequest(Guid? PersonId);

public sealed record FairAgreementRequest(Guid? PersonId, Guid? PostingId);

/// <summary>A job fair and who came: employers (with their open postings), seekers of the caller's area, and the agreements of the day.</summary>
public sealed class HoldJobFair(NpgsqlDataSource dataSource)
{
    private const string InvalidTitle = "招聘会信息有误 / The job fair has errors";

    public async Task<Outcome<JobFair>> CreateAsync(JobFairRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写名称（不超过100字） / Give a name of at most 100 characters."];
        }
        if (request.HeldOn is null)
        {
            errors["heldOn"] = ["请填写举办日期（yyyy-MM-dd） / Give the day (yyyy-MM-dd)."];
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !AreaCode.District.Covers(community))
        {
            errors["communityCode"] = ["举办地点为本区社区代码（12位） / A community code of this district (twelve digits)."];
        }
        if (request.AttributionDays is not (null or (>= 1 and <= 180)))
        {
            errors["attributionDays"] = ["统计期为1至180天 / 1 to 180 days."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            "insert into job_fairs (id, name, held_on, community_code, attribution_days, created_by) values ($1, $2, $3, $4, $5, $6)",
            id, request.Name!.Trim(), request.HeldOn, request.CommunityCode!.Trim(), request.AttributionDays ?? 30, by).ExecuteAsync(cancellationToken);
        return (await JobFair.FindAsync(dataSource, id, cancellationToken))!;
    }

    public async Task<Outcome<JobFair>> AddEmployerAsync(Guid fairId, FairEmployerRequest request, CancellationToken cancellationToken)
    {
        if (await JobFair.FindAsync(dataSource, fairId, cancellationToken) is null)
        {
            return new Failure.NotFound("没有此招聘会 / No such job fair");
        }
        if (!await dataSource.Command("select exists (select 1 from employers where id = $1)", request.EmployerId).ScalarAsync<bool>(cancellationToken))
        {
            return Failure.Field("employerId", "没有此用人单位 / No such employer.", InvalidTitle);
        }
        await dataSource.Command("insert into fair_employers (fair_id, employer_id) values ($1, $2) on conflict do nothing", fairId, request.EmployerId)
            .ExecuteAsync(cancellationToken);
        return (await JobFair.FindAsync(dataSource, fairId, cancellationToken))!;
    }

    public async Task<Outcome<JobFair>> AddSeekerAsync(Guid fairId, FairSeekerRequest request, AreaScope scope, CancellationToken cancellationToken)
    {
        if (await JobFair.FindAsync(dataSource, fairId, cancellationToken) is null)
        {
            return new Failure.NotFound("没有此招聘会 / No such job fair");
        }
        var seeker = await dataSource.Command(
                "select e.community_code from seekers s join eligibility_persons e on e.person_id = s.person_id where s.person_id = $1 and e.community_code like $2",
                request.PersonId, scope.Area.LikePattern)
            .ReadAllAsync(reader => reader.Get<string>("community_code"), cancellationToken);
        if (seeker is not [var community])
        {
            return Failure.Field("personId", "本辖区没有此求职人员 / No such seeker in your area.", InvalidTitle);
        }
        await dataSource.Command("insert into fair_seekers (fair_id, person_id, community_code) values ($1, $2, $3) on conflict do nothing",
            fairId, request.PersonId, community).ExecuteAsync(cancellationToken);
        return (await JobFair.FindAsync(dataSource, fairId, cancellationToken))!;
    }

    public async Task<Outcome<JobFair>> AgreeAsync(Guid fairId, FairAgreementRequest request, AreaScope scope, string by, CancellationToken cancellationToken)
    {
        if (request.PersonId is null || request.PostingId is null)
        {
            return Failure.Fields(new Dictionary<string, string[]>
            {
                [request.PersonId is null ? "personId" : "postingId"] = ["请填写求职人员和岗位 / Name the seeker and the posting."],
            }, InvalidTitle);
        }
        var inserted = await dataSource.Command(
            """
            insert into fair_agreements (fair_id, person_id, posting_id, recorded_by)
            select s.fair_id, s.person_id, p.id, $5 from fair_seekers s, postings p
            join fair_employers e on e.employer_id = p.employer_id and e.fair_id = $1
            where s.fair_id = $1 and s.person_id = $2 and s.community_code like $4 and p.id = $3
            on conflict do nothing
            """, fairId, request.PersonId, request.PostingId, scope.Area.LikePattern, by).ExecuteAsync(cancellationToken);
        if (inserted == 0 && !await dataSource.Command("select exists (select 1 from fair_agreements where fair_id = $1 and person_id = $2 and posting_id = $3)",
                fairId, request.PersonId, request.PostingId).ScalarAsync<bool>(cancellationToken))
        {
            return new Failure.NotFound("求职人员或岗位未参加该招聘会 / The seeker or the posting's employer did not attend this fair");
        }
        return (await JobFair.FindAsync(dataSource, fairId, cancellationToken))!;
    }
}
