using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Relief.Features.Subsidies;

namespace Tianxin.Relief.Features.Enrolments;

/// <summary>The worklist: enrolments of the caller's area by status and subsidy, oldest proposal first.</summary>
public sealed class ListEnrolments(NpgsqlDataSource dataSource)
{
    private static readonly string[] Statuses = ["proposed", "accepted", "reviewed", "approved", "refused", "ended", "lapsed"];

    public async Task<Outcome<List<Enrolment>>> HandleAsync(string? status, string? subsidy, Guid? personId, AreaScope scope,
        CancellationToken cancellationToken)
    {
        if (status is not null && !Statuses.Contains(status))
        {
            return Failure.Field("status", $"状态为 {string.Join("、", Statuses)} / Unknown status.");
        }
        if (subsidy is not null && !TwoSubsidies.All.Contains(subsidy))
        {
            return Failure.Field("subsidy", $"补贴为 {string.Join("、", TwoSubsidies.All)} / Unknown subsidy.");
        }
        return await dataSource.Command(
                $"""
                select {Enrolment.Columns} from enrolments
                where community_code like $1 and ($2::text is null or status = $2) and ($3::text is null or subsidy = $3)
                  and ($4::uuid is null or person_id = $4)
                order by proposed_at limit 1000
                """, scope.Area.LikePattern, status, subsidy, personId)
            .ReadAllAsync(Enrolment.Read, cancellationToken);
    }
}
