using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <summary>A programme for a year with its rules, amount per case, budget line and contracted institutions.</summary>
public sealed class CreateProgramme(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<Programme>> HandleAsync(ProgrammeRequest request, string createdBy, CancellationToken cancellationToken)
    {
        if (ProgrammeRules.Validate(request) is { Count: > 0 } errors)
        {
            return Failure.Fields(errors, ProgrammeRules.InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        var created = await dataSource.InTransactionAsync<bool>(async transaction =>
        {
            var inserted = await transaction.Command(
                """
                insert into programmes (id, code, year, name, min_age, max_age, categories, grades, requires_certificate, required_statuses,
                                        amount_per_case, institutions, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                on conflict (code, year) do nothing
                """, [id, .. ProgrammeRules.Values(request), createdBy]).ExecuteAsync(cancellationToken) == 1;
            return inserted && await BudgetLines.OpenAsync(transaction, id, request.Code!.Trim(), request.Year!.Value, Yuan.Of(request.Budget!.Value),
                createdBy, cancellationToken);
        }, cancellationToken);
        return created
            ? (await Programme.FindAsync(dataSource, id, cancellationToken))!
            : new Failure.Duplicate("该年度已有同代码的项目 / This year already has a programme with this code");
    }
}
