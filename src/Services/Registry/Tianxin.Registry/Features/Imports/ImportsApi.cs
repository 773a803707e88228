using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;
using Tianxin.Registry.Data;

namespace Tianxin.Registry.Features.Imports;

/// <param name="Status">queued, running, completed or failed.</param>
/// <param name="Failure">Why a failed import was refused as a whole ("中文 / English"); null otherwise.</param>
/// <param name="Report">Where to download the rejected rows with their reasons (add ?format=csv for CSV).</param>
public sealed record ImportView(
    Guid Id, string FileName, string Status, int? TotalRows, int Processed, int Imported, int Unchanged, int Rejected,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt, string? Failure, string Report);

public sealed record ImportRejection(int Row, string Field, string Reason);

public static class ImportsApi
{
    private const long MaxFileBytes = 20 * 1024 * 1024;

    public static IServiceCollection AddImports(this IServiceCollection services) =>
        services.AddSingleton<ImportProcessor>().AddSingleton<ImportQueue>().AddHostedService<ImportWorker>();

    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder endpoints)
    {
        var imports = endpoints.MapGroup("/imports").WithTags("Imports").RequireAuthorization(PlatformPolicies.Staff);
        imports.MapPost("/", UploadAsync).DisableAntiforgery().LimitUploadTo(MaxFileBytes).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("导入持证人名单 Upload a list of certificate holders (.xlsx or .csv); processed in the background");
        imports.MapGet("/{id:guid}", GetAsync).WithSummary("导入进度 Progress and counts of an import");
        imports.MapGet("/{id:guid}/report", ReportAsync).WithSummary("导入错误报告 The rejected rows with the reason for each (xlsx, or ?format=csv)");
        return endpoints;
    }

    /// <summary>Bearer tokens, not cookies, authenticate uploads, so there is no cross-site form to forge.</summary>
    public static async Task<Results<Accepted<ImportView>, ValidationProblem, ForbidHttpResult>> UploadAsync(
        IFormFile? file, ClaimsPrincipal user, HttpContext http, NpgsqlDataSource dataSource, ImportQueue queue, RegistryChanges changes,
        PersonalDataProtector protector, CancellationToken cancellationToken)
    {
        if (Actor.Of(user, http) is not { } actor)
        {
            return TypedResults.Forbid();
        }
        if (file is null || file.Length == 0 || file.Length > MaxFileBytes || !ImportRows.IsSupported(file.FileName))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["file"] = ["请上传不超过20MB的 .xlsx 或 .csv 文件 / Upload an .xlsx or .csv file of at most 20 MB."],
            });
        }
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        var bytes = content.ToArray();
        var id = Guid.CreateVersion7();
        await dataSource.InTransactionAsync(async transaction =>
        {
            await transaction.Command(
                """
                insert into imports (id, file_name, file_sha256, content, area_code, created_by, created_role)
                values ($1, $2, $3, $4, $5, $6, $7)
                """, id, Path.GetFileName(file.FileName), Convert.ToHexStringLower(SHA256.HashData(bytes)),
                protector.Encrypt(bytes, ImportWorker.ContentPurpose), actor.Scope.Area.Value,
                actor.Name, user.FindFirst(PlatformClaims.Role)?.Value).ExecuteAsync(cancellationToken);
            await changes.AuditChangeAsync(transaction, actor, $"import:{id}", "uploaded", cancellationToken);
            return id;
        }, cancellationToken);
        queue.Wake();
        return TypedResults.Accepted($"/imports/{id}", (await FindAsync(dataSource, id, actor.Scope, cancellationToken))!);
    }

    public static async Task<Results<Ok<ImportView>, NotFound, ForbidHttpResult>> GetAsync(
        Guid id, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        AreaScope.Of(user) is not { } scope
            ? TypedResults.Forbid()
            : await FindAsync(dataSource, id, scope, cancellationToken) is { } import ? TypedResults.Ok(import) : TypedResults.NotFound();

    public static async Task<Results<FileContentHttpResult, NotFound, ForbidHttpResult>> ReportAsync(
        Guid id, string? format, ClaimsPrincipal user, NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        if (await FindAsync(dataSource, id, scope, cancellationToken) is not { } import)
        {
            return TypedResults.NotFound();
        }
        var rejections = await dataSource.Command(
                "select row_number, field, reason from import_rejections where import_id = $1 order by row_number, field", id)
            .ReadAllAsync(reader => new ImportRejection(reader.Get<int>("row_number"), reader.Get<string>("field"), reader.Get<string>("reason")), cancellationToken);
        var rows = rejections.Select(r =>
        {
            var (chinese, english) = Split(r.Reason);
            return new Dictionary<string, object?> { ["行号 Row"] = r.Row, ["字段 Field"] = r.Field, ["原因"] = chinese, ["Reason"] = english };
        }).ToList();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        using var output = new MemoryStream();
        await output.SaveAsAsync(rows, excelType: csv ? ExcelType.CSV : ExcelType.XLSX, cancellationToken: cancellationToken);
        var name = $"{Path.GetFileNameWithoutExtension(import.FileName)}-errors.{(csv ? "csv" : "xlsx")}";
        return TypedResults.File(output.ToArray(),
            csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>Reasons are written "中文 / English".</summary>
    private static (string Chinese, string English) Split(string reason)
    {
        var at = reason.IndexOf(" / ", StringComparison.Ordinal);
        return at < 0 ? (reason, reason) : (reason[..at], reason[(at + 3)..]);
    }

    private static Task<ImportView?> FindAsync(NpgsqlDataSource dataSource, Guid id, AreaScope scope, CancellationToken cancellationToken) =>
        dataSource.Command(
                """
                select id, file_name, status, total_rows, processed, imported, unchanged, rejected, created_at, finished_at, failure
                from imports where id = $1 and area_code like $2
                """, id, scope.Area.LikePattern)
            .ReadFirstOrDefaultAsync(reader => new ImportView(reader.Get<Guid>("id"), reader.Get<string>("file_name"), reader.Get<string>("status"),
                reader.Nullable<int>("total_rows"), reader.Get<int>("processed"), reader.Get<int>("imported"), reader.Get<int>("unchanged"),
                reader.Get<int>("rejected"), reader.Get<DateTimeOffset>("created_at"), reader.Nullable<DateTimeOffset>("finished_at"),
                reader.NullableString("failure"), $"/imports/{id}/report"), cancellationToken);
}
