using Npgsql;
using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.Cases;

/// <param name="Code">e.g. temporary_hardship (临时困难救助), targeted_help (精准帮扶), assessment_fee (残疾鉴定补助), education_aid (就学救助).</param>
public sealed record ReliefProgrammeRequest(
    string? Code, int? Year, string? Name, decimal? Budget, decimal? PerCaseLimit, decimal? PerPersonYearLimit, bool? RegisteredPoorFirst);

/// <summary>A relief programme for a year, with its budget line and its limits per case and per person.</summary>
public sealed class CreateReliefProgramme(NpgsqlDataSource dataSource)
{
    private const string InvalidTitle = "救助项目信息有误 / The programme has errors";

    public async Task<Outcome<ReliefProgramme>> HandleAsync(ReliefProgrammeRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        ProgrammeFields.Check(request.Code, request.Year, request.Name, request.Budget, errors);
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
            await BudgetLines.OpenAsync(transaction, id, request.Code!.Trim(), request.Year!.Value, Yuan.Of(request.Budget!.Value), by, cancellationToken)
            && await transaction.Command(
                """
                insert into relief_programmes (id, code, year, name, per_case_limit, per_person_year_limit, registered_poor_first, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8)
                """, id, request.Code!.Trim(), request.Year, request.Name!.Trim(), request.PerCaseLimit, request.PerPersonYearLimit ?? request.PerCaseLimit,
                request.RegisteredPoorFirst ?? false, by).ExecuteAsync(cancellationToken) == 1, cancellationToken);
        return created
            ? (await ReliefProgramme.FindAsync(dataSource, id, cancellationToken))!
            : new Failure.Duplicate("该年度已有同代码的项目 / This year already has a programme with this code");
    }
}
