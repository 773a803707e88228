using System.Text.RegularExpressions;
using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Payments;

public sealed record PaymentProgrammeRequest(string? Code, int? Year, string? Name, decimal? Budget, decimal? MaxAmount, string? PeriodKind);

/// <summary>A payment programme for a year, with its budget line and its standard amount.</summary>
public sealed partial class CreatePaymentProgramme(NpgsqlDataSource dataSource)
{
    public static readonly string[] PeriodKinds = ["year", "month", "household"];

    public async Task<Outcome<PaymentProgramme>> HandleAsync(PaymentProgrammeRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Code is null || !Code().IsMatch(request.Code))
        {
            errors["code"] = ["项目代码为2至40位小写字母、数字或下划线 / A code is 2 to 40 lower-case letters, digits or underscores."];
        }
        if (request.Year is not (>= 2000 and <= 2100))
        {
            errors["year"] = ["年度应为2000至2100 / The year is 2000 to 2100."];
        }
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写项目名称（不超过100字） / Give a name of at most 100 characters."];
        }
        var budget = Yuan.Check(request.Budget, "budget", errors, 1_000_000_000m);
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
            await BudgetLines.OpenAsync(transaction, id, request.Code!, request.Year!.Value, budget!.Value, by, cancellationToken)
            && await transaction.Command(
                "insert into payment_programmes (id, code, year, name, max_amount, period_kind, updated_by) values ($1, $2, $3, $4, $5, $6, $7)",
                id, request.Code, request.Year, request.Name!.Trim(), request.MaxAmount, request.PeriodKind, by).ExecuteAsync(cancellationToken) == 1,
            cancellationToken);
        return created
            ? (await PaymentProgramme.FindAsync(dataSource, id, cancellationToken))!
            : new Failure.Duplicate("该年度已有同代码的项目 / This year already has a programme with this code");
    }

    [GeneratedRegex("^[a-z0-9_]{2,40}$")]
    private static partial Regex Code();
}
