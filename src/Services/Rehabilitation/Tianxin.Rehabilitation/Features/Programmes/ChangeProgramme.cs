using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <summary>
/// New rules or a new budget for a programme, from the version the officer read; never below what is committed. Its code
/// and year stay once it has applications, screenings or needs: the events already sent count them under those.
/// </summary>
public sealed class ChangeProgramme(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<Programme>> HandleAsync(Guid id, ProgrammeRequest request, string changedBy, CancellationToken cancellationToken)
    {
        var errors = ProgrammeRules.Validate(request);
        if (request.Version is null)
        {
            errors["version"] = ["请提供读取时的版本号 / Give the version you read."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, ProgrammeRules.InvalidTitle);
        }
        var changed = await dataSource.InTransactionAsync(async transaction =>
        {
            var renamed = await transaction.Command(
                """
                select p.code <> $2 or p.year <> $3 from programmes p
                where p.id = $1 and (exists (select 1 from applications a where a.programme_id = p.id)
                    or exists (select 1 from screenings s where s.programme_id = p.id)
                    or exists (select 1 from needs n where n.programme_code = p.code and n.year = p.year))
                for update of p
                """, id, request.Code!.Trim(), request.Year!.Value).ReadAllAsync(r => r.GetBoolean(0), cancellationToken);
            if (renamed is [true])
            {
                return new Failure.Conflict("项目已有申请、筛查或需求，代码和年度不能再改 / The programme has applications, screenings or needs: its code and year stay",
                    null, "code");
            }
            var updated = await transaction.Command(
                """
                update programmes set code = $2, year = $3, name = $4, min_age = $5, max_age = $6, categories = $7, grades = $8,
                    requires_certificate = $9, required_statuses = $10, amount_per_case = $11, institutions = $12,
                    updated_by = $13, updated_at = now(), version = version + 1
                where id = $1 and version = $14
                """, [id, .. ProgrammeRules.Values(request), changedBy, request.Version]).ExecuteAsync(cancellationToken);
            if (updated == 0)
            {
                return await Programme.FindAsync(dataSource, id, cancellationToken) is null ? Failure.Missing : Failure.ChangedMeanwhile;
            }
            return (await BudgetLines.RestateAsync(transaction, id, request.Code!.Trim(), request.Year!.Value,
                Yuan.Of(request.Budget!.Value), changedBy, cancellationToken)).Map(line => line.Id);
        }, cancellationToken);
        return changed.Succeeded ? (await Programme.FindAsync(dataSource, id, cancellationToken))! : changed.Failure!;
    }
}
