using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <param name="Code">Stable short name shared across years, e.g. child_aid, hearing_aids, assistive_devices.</param>
/// <param name="RequiredStatuses">registered_poor, minimum_living, extreme_poverty: any one of them is required.</param>
/// <param name="AmountPerCase">Yuan committed by each approval (two decimals at most).</param>
/// <param name="Institutions">Client ids of the contracted partner institutions.</param>
/// <param name="Version">Required when changing a programme: the version read.</param>
public sealed record ProgrammeRequest(
    string? Code, int? Year, string? Name, int? MinAge, int? MaxAge, int[]? Categories, int[]? Grades, bool? RequiresCertificate,
    string[]? RequiredStatuses, decimal? AmountPerCase, decimal? Budget, string[]? Institutions, int? Version = null);

public static partial class ProgrammesApi
{
    private static readonly string[] Statuses = ["registered_poor", "minimum_living", "extreme_poverty"];
    private const decimal MaxAmountPerCase = 1_000_000m;
    private const decimal MaxBudget = 1_000_000_000m;

    public static IEndpointRouteBuilder MapProgrammesApi(this IEndpointRouteBuilder endpoints)
    {
        var programmes = endpoints.MapGroup("/programmes").WithTags("Programmes").RequireAuthorization(PlatformPolicies.Staff);
        programmes.MapGet("/", ListAsync).WithSummary("康复项目 Programmes of a year with their rules and budgets");
        programmes.MapPost("/", CreateAsync).RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("新建项目 Create a programme for a year: rules, amount per case, budget, contracted institutions");
        programmes.MapPut("/{id:guid}", ChangeAsync).RequireAuthorization(PlatformPolicies.DistrictOfficer)
            .WithSummary("修改项目 Change a programme's rules or budget (never below what is committed)");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<Programme>>> ListAsync(int? year, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<Programme>>(await dataSource.Command(
                $"select {Programme.Columns} from programmes where $1::int is null or year = $1 order by year desc, code", year)
            .ReadAllAsync(Programme.Read, cancellationToken));

    public static async Task<Results<Created<Programme>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        ProgrammeRequest request, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (Validate(request) is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "项目信息有误 / The programme has errors");
        }
        var id = Guid.CreateVersion7();
        if (!await TryInsertAsync(dataSource, id, request, Callers.NameOf(http.User)!, cancellationToken))
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = 409, Title = "该年度已有同代码的项目 / This year already has a programme with this code",
            });
        }
        return TypedResults.Created($"/programmes/{id}", (await Programme.FindAsync(dataSource, id, cancellationToken))!);
    }

    public static async Task<Results<Ok<Programme>, ValidationProblem, NotFound, Conflict<ProblemDetails>>> ChangeAsync(
        Guid id, ProgrammeRequest request, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (request.Version is null)
        {
            errors["version"] = ["请提供读取时的版本号 / Give the version you read."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "项目信息有误 / The programme has errors");
        }
        if (await Programme.FindAsync(dataSource, id, cancellationToken) is not { } before)
        {
            return TypedResults.NotFound();
        }
        if (request.Budget < before.Committed)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = 409, Title = "预算不能低于已批准金额 / The budget cannot fall below what is already committed",
                Detail = $"Committed: {before.Committed:0.00} yuan.",
            });
        }
        var changed = await dataSource.Command(
            """
            update programmes set code = $2, year = $3, name = $4, min_age = $5, max_age = $6, categories = $7, grades = $8,
                requires_certificate = $9, required_statuses = $10, amount_per_case = $11, budget = $12, institutions = $13,
                updated_by = $14, updated_at = now(), version = version + 1
            where id = $1 and version = $15 and committed <= $12
            """, [id, .. Values(request), Callers.NameOf(http.User), request.Version]).ExecuteAsync(cancellationToken);
        return changed == 0
            ? TypedResults.Conflict(new ProblemDetails { Status = 409, Title = "项目已被他人修改，请刷新后重试 / The programme changed meanwhile" })
            : TypedResults.Ok((await Programme.FindAsync(dataSource, id, cancellationToken))!);
    }

    /// <returns>False when the year already has a programme with this code.</returns>
    public static async Task<bool> TryInsertAsync(NpgsqlDataSource dataSource, Guid id, ProgrammeRequest request, string updatedBy,
        CancellationToken cancellationToken)
    {
        try
        {
            await dataSource.Command(
                """
                insert into programmes (id, code, year, name, min_age, max_age, categories, grades, requires_certificate, required_statuses,
                                        amount_per_case, budget, institutions, updated_by)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
                """, [id, .. Values(request), updatedBy]).ExecuteAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    private static object?[] Values(ProgrammeRequest request) =>
    [
        request.Code!.Trim(), request.Year, request.Name!.Trim(), request.MinAge, request.MaxAge,
        request.Categories?.Select(c => (short)c).ToArray(), request.Grades?.Select(g => (short)g).ToArray(),
        request.RequiresCertificate ?? true, request.RequiredStatuses, request.AmountPerCase, request.Budget,
        request.Institutions ?? [],
    ];

    public static Dictionary<string, string[]> Validate(ProgrammeRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Code is null || !ProgrammeCode().IsMatch(request.Code.Trim()))
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
        if (request.MinAge is < 0 or > 120 || request.MaxAge is < 0 or > 120 || request.MinAge > request.MaxAge)
        {
            errors["minAge"] = ["年龄范围应在0至120岁之间且下限不高于上限 / Ages are 0 to 120, the lower not above the upper."];
        }
        if (request.Categories is { } categories && (categories.Length == 0 || categories.Any(c => c is < 1 or > 7)))
        {
            errors["categories"] = ["残疾类别为1至7 / Categories are 1 to 7."];
        }
        if (request.Grades is { } grades && (grades.Length == 0 || grades.Any(g => g is < 1 or > 4)))
        {
            errors["grades"] = ["残疾等级为1至4 / Grades are 1 to 4."];
        }
        if (request.RequiredStatuses is { } statuses && (statuses.Length == 0 || statuses.Any(s => !Statuses.Contains(s))))
        {
            errors["requiredStatuses"] = [$"家庭状态为 {string.Join("、", Statuses)} / Unknown household status."];
        }
        if (request.AmountPerCase is not { } amount || amount <= 0 || amount > MaxAmountPerCase || decimal.Round(amount, 2) != amount)
        {
            errors["amountPerCase"] = ["每例金额应大于0、不超过100万元，最多两位小数 / The amount per case is above 0 and at most 1,000,000 yuan, in fen."];
        }
        if (request.Budget is not { } budget || budget < 0 || budget > MaxBudget || decimal.Round(budget, 2) != budget)
        {
            errors["budget"] = ["预算应在0至10亿元之间，最多两位小数 / The budget is 0 to 1,000,000,000 yuan, in fen."];
        }
        if (request.Institutions is { } institutions && institutions.Any(i => string.IsNullOrWhiteSpace(i) || !PlainText.IsValid(i, 100)))
        {
            errors["institutions"] = ["合作机构为伙伴客户端编号 / Institutions are partner client ids."];
        }
        return errors;
    }

    [GeneratedRegex("^[a-z0-9_]{2,40}$")]
    private static partial Regex ProgrammeCode();
}
