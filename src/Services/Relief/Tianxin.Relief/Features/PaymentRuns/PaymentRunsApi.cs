using MiniExcelLibs;
using Npgsql;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.Relief.Features.PaymentRuns;

public static class PaymentRunsApi
{
    public static IServiceCollection AddPaymentRuns(this IServiceCollection services) =>
        services.AddSingleton<PaymentRunSignal>().AddSingleton<PaymentRunComputation>().AddHostedService<PaymentRunWorker>()
            .AddSingleton<StartPaymentRun>().AddSingleton<MovePaymentRun>().AddSingleton<PaymentList>().AddSingleton<ImportBankResults>();

    public static IEndpointRouteBuilder MapPaymentRunsApi(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapGroup("/payment-runs").WithTags("Payment runs").RequireAuthorization(PlatformPolicies.DistrictOfficer);
        runs.MapPost("/", (StartPaymentRunRequest request, HttpContext http, StartPaymentRun start, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => start.HandleAsync(request, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(run => TypedResults.Accepted($"/payment-runs/{run.Id}", run)))
            .WithSummary("新建发放批次 Start a month's run { subsidy, month: yyyy-MM, area? }: computed in the background, follow its progress");
        runs.MapGet("/", (string? subsidy, int? year, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<PaymentRun>>)await PaymentRun.ListAsync(dataSource, subsidy, year, actor.Scope,
                    cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("发放批次 Runs of your area, latest month first");
        runs.MapGet("/{id:guid}", (Guid id, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor =>
                        await PaymentRun.FindAsync(dataSource, id, actor.Scope, cancellationToken) is { } run ? (Outcome<PaymentRun>)run : Failure.Missing)
                    .ToHttp(run => TypedResults.Ok(run)))
            .WithSummary("发放批次 A run with its state, progress (computed of entitlements) and control totals");
        runs.MapPost("/{id:guid}/submission", (Guid id, HttpContext http, MovePaymentRun move, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => move.SubmitAsync(id, actor.Scope, actor.Name, cancellationToken)).ToHttp(run => TypedResults.Ok(run)))
            .WithSummary("提交审批 Submit the draft for approval");
        runs.MapPost("/{id:guid}/approval", (Guid id, HttpContext http, MovePaymentRun move, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => move.ApproveAsync(id, actor.Scope, actor.Name, cancellationToken)).ToHttp(run => TypedResults.Ok(run)))
            .WithSummary("审批 Approve: the lines and control totals are frozen");
        runs.MapPost("/{id:guid}/draft", (Guid id, HttpContext http, MovePaymentRun move, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => move.RecomputeAsync(id, actor.Scope, actor.Name, cancellationToken))
                    .ToHttp(run => TypedResults.Accepted($"/payment-runs/{run.Id}", run)))
            .WithSummary("重新计算 Compute the draft again: the lines it has stay, newly approved enrolments join");
        runs.MapPost("/{id:guid}/cancellation", (Guid id, HttpContext http, MovePaymentRun move, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => move.CancelAsync(id, actor.Scope, actor.Name, cancellationToken)).ToHttp(run => TypedResults.Ok(run)))
            .WithSummary("作废 Cancel a run before approval; its lines may then be paid by another run");
        runs.MapGet("/{id:guid}/payment-list", DownloadAsync)
            .WithSummary("发放名单 The bank's payment list of an approved run (?format=xlsx|csv) with its control row; the accounts are shown, the read audited");
        runs.MapPost("/{id:guid}/bank-results", UploadAsync).DisableAntiforgery().LimitUploadTo(BankFiles.MaxBytes)
            .WithSummary("银行回盘 The bank's result file (.xlsx or .csv): refused whole, naming the rows, if anything does not match");
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(Guid id, string? format, HttpContext http, PaymentList list, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (format is not null && !csv && !string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["格式为 xlsx 或 csv / The format is xlsx or csv."] });
        }
        var exported = await Actor.From(http).ThenAsync(actor => list.HandleAsync(id, actor.Scope, cancellationToken));
        if (!exported.Succeeded)
        {
            return exported.ToHttp(_ => TypedResults.Ok());
        }
        var file = exported.Value;
        var actor = Actor.Of(http.User, http)!;
        await audit.RecordAsync(actor.Name, http.User, actor.ClientAddress,
            new AuditEvent(AuditActions.PersonalDataRead, $"payment-run:{id}", "allowed", "发放名单导出 / payment list"), cancellationToken);
        var content = BankFiles.Write(file, csv ? ExcelType.CSV : ExcelType.XLSX);
        return TypedResults.File(content, csv ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{file.Run.Subsidy}-{file.Run.Period}-{file.Run.AreaCode}.{(csv ? "csv" : "xlsx")}");
    }

    /// <summary>Bearer tokens, not cookies, authenticate uploads, so there is no cross-site form to forge.</summary>
    private static async Task<IResult> UploadAsync(Guid id, IFormFile? file, HttpContext http, ImportBankResults import,
        CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0 || file.Length > BankFiles.MaxBytes || BankFiles.FormatOf(file.FileName) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["file"] = ["请上传不超过20MB的 .xlsx 或 .csv 文件 / Upload an .xlsx or .csv file of at most 20 MB."],
            }, title: ImportBankResults.RefusedTitle);
        }
        using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        return await Actor.From(http)
            .ThenAsync(actor => BankFiles.Read(content.ToArray(), file.FileName).ThenAsync(results =>
                import.HandleAsync(id, results, actor.Scope, cancellationToken)))
            .ToHttp(run => TypedResults.Ok(run));
    }
}
