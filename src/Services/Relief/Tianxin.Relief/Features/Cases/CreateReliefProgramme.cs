using System.Text.RegularExpressions;
using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Relief.Features.Cases;

/// <param name="Code">e.g. temporary_hardship (临时困难救助), targeted_help (精准帮扶), assessment_fee (残疾鉴定补助), education_aid (就学救助).</param>
public sealed record ReliefProgrammeRequest(
    string? Code, int? Year, string? Name, decimal? Budget, decimal? PerCaseLimit, decimal? PerPersonYearLimit, bool? RegisteredPoorFirst);

/// <summary>A relief programme for a year, with its budget line and its limits per case and per person.</summary>
public sealed partial class CreateReliefProgramme(NpgsqlDataSource dataSource)
{
    private const string InvalidTitle = "救助项目信息有误 / The programme has errors";

    public async Task<Outcome<ReliefProgramme>> HandleAsync(ReliefProgrammeRequest request, string by, CancellationToken cancellationToken)
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
        Yuan.Check(request.Budget, "budget", errors, 1_000_000_000m);
        Yuan.Check(request.PerCaseLimit, "perCaseLimit", errors, 1_000_000m, positive: true);
        Yuan.Check(request.PerPersonYearLimit ?? request.PerCaseLimit, "perPersonYearLimit", errors, 1_000_000m, positive: true);
        if (request.PerPersonYearLimit < request.PerCaseLimit)
        {
            errors["perPersonYearLimit"] = ["每人每年上限不能低于单次上限 / The yearly limit per person is at least the limit per case."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        var created = await dataSource.InTransactionAsync(async transaction =>
            await BudgetLines.OpenAsync(transaction, id, request.Code!, request.Year!.Value, Yuan.Of(request.Budget!.Value), by, cancellationToken)
            && await transaction.Command(
                """
                insert into relief_programmes (id, code, year, name, per_case_limit, per_person_year_limit, registered_poor_first, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                """, id, request.Code, request.Year, request.Name!.Trim(), request.PerCaseLimit, request.PerPersonYearLimit ?? request.PerCaseLimit,
                request.RegisteredPoorFirst ?? false, by).ExecuteAsync(cancellationToken) == 1, cancellationToken);
        return created
            ? (await ReliefProgramme.FindAsync(dataSource, id, cancellationToken))!
            : new Failure.Duplicate("该年度已有同代码的项目 / This year already has a programme with this code");
    }

    [GeneratedRegex("^[a-z0-9_]{2,40}$")]
    private static partial Regex Code();
}
