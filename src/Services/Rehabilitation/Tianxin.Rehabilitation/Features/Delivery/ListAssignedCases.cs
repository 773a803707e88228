using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <summary>The cases assigned to an institution, in service (approved) or completed.</summary>
public sealed class ListAssignedCases(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<List<Application>>> HandleAsync(string institution, string? status, CancellationToken cancellationToken)
    {
        var wanted = string.IsNullOrEmpty(status) ? "approved" : status;
        if (wanted is not ("approved" or "completed"))
        {
            return Failure.Field("status", "approved or completed", "状态有误 / Unknown status");
        }
        return await dataSource.Command($"{Application.Select} where a.institution = $1 and a.status = $2 order by a.decided_on, a.id", institution, wanted)
            .ReadAllAsync(Application.Read, cancellationToken);
    }
}
