using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.Rehabilitation.Features.Applications;

namespace Tianxin.Rehabilitation.Features.Delivery;

/// <summary>What every delivery record needs: the case, locked, assigned to this institution, approved, and the date not before its approval.</summary>
public sealed class CasesInService(NpgsqlDataSource dataSource)
{
    public const string InvalidTitle = "信息有误 / The request has errors";

    /// <param name="record">Writes the record in the case's transaction; a failure rolls it back.</param>
    /// <returns>The case as the record leaves it.</returns>
    public async Task<Outcome<Application>> RecordAsync(string institution, Guid caseId, DateOnly on,
        Func<Application, NpgsqlTransaction, Task<Outcome<Application>>> record, CancellationToken cancellationToken)
    {
        var recorded = await dataSource.InTransactionAsync(async transaction =>
        {
            var assigned = await transaction.Command("select institution from applications where id = $1 for update", caseId)
                .ReadAllAsync(reader => reader.NullableString("institution"), cancellationToken);
            if (assigned is not [{ } owner] || owner != institution)
            {
                return new Failure.NotFound("没有分派给贵机构的此个案 / No such case assigned to you");
            }
            var application = (await Application.FindAsync(transaction, caseId, cancellationToken))!;
            if (application.Status != "approved")
            {
                return new Failure.Conflict("该个案已结案，不能再记录 / The case is completed: nothing more can be recorded.", null, "status");
            }
            if (on < application.DecidedOn)
            {
                return new Failure.Conflict("日期早于批准日期 / The date is before the case was approved.", null, "before_approval");
            }
            return await record(application, transaction);
        }, cancellationToken);
        return recorded.Succeeded ? (await Application.FindAsync(dataSource, caseId, cancellationToken))! : recorded;
    }
}
