using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Applications;

/// <summary>The queue of a programme in the caller's area: registered-poor applicants first, then by date.</summary>
public sealed class ListApplications(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<List<Application>>> HandleAsync(Guid? programmeId, string? status, AreaScope scope,
        CancellationToken cancellationToken) =>
        await dataSource.Command(
                $"""
                {Application.Select}
                where a.community_code like $1 and ($2::uuid is null or a.programme_id = $2) and ($3::text is null or a.status = $3)
                order by a.registered_poor desc, a.submitted_at limit 1000
                """, scope.Area.LikePattern, programmeId, status)
            .ReadAllAsync(Application.Read, cancellationToken);

    public async Task<Outcome<Application>> FindAsync(Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        await Application.FindAsync(dataSource, id, cancellationToken) is { } application && scope.Covers(application.CommunityCode)
            ? application
            : Failure.Missing;
}
