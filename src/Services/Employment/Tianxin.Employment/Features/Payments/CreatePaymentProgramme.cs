using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Employment.Features.Payments;

public sealed record PaymentProgrammeRequest(string? Code, int? Year, string? Name, decimal? Budget, decimal? MaxAmount, string? PeriodKind);

/// <summary>A payment programme for a year, with its budget line and its standard amount.</summary>
public sealed class CreatePaymentProgramme(NpgsqlDataSource dataSource)
{
    public static readonly string[] PeriodKinds = ["year", "month", "household"];

    public async Task<Outcome<PaymentProgramme>> HandleAsync(PaymentProgrammeRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ProgrammeFields.Check(request.Code, request.Year, request.Name, request.Budget, errors);
        Yuan.Check(request.MaxAmount, "maxAmount", errors, 1_000_000m, positive: true);
        if (request.PeriodKind is null || !PeriodKinds.Contains(request.PeriodKind))
        {
            errors["periodKind"] = ["发放周期为 year（每人每年）、month（每人每月）或 household（每户每年） / year, month or household."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "补贴项目信息有误 / The programme has errors");
        }
        var id = Guid.CreateVersion7();
        var created = await dataSource.InTransactionAsync(async transaction =>
            await BudgetLines.OpenAsync(transaction, id, request.Code!.Trim(), request.Year!.Value, Yuan.Of(request.Budget!.Value), by, cancellationToken)
            && await transaction.Command(
                "insert into payment_programmes (id, code, year, name, max_amount, period_kind, updated_by) values ($1, $2, $3, $4, $5, $6, $7)",
                id, request.Code!.Trim(), request.Year, request.Name!.Trim(), request.MaxAmount, request.PeriodKind, by).ExecuteAsync(cancellationToken) == 1,
            cancellationToken);
        return created
            ? (await PaymentProgramme.FindAsync(dataSource, id, cancellationToken))!
            : new Failure.Duplicate("该年度已有同代码的项目 / This year already has a programme with this code");
    }
}
