using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Grievance.Features.Defects;

public sealed record DefectTypeView(string Code, string Name);

public static class DefectsApi
{
    public static IServiceCollection AddDefects(this IServiceCollection services) => services.AddSingleton<ReportDefect>().AddSingleton<AdvanceDefect>();

    public static IEndpointRouteBuilder MapDefectsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/defect-types", async (NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await TypesAsync(dataSource, cancellationToken)))
            .WithTags("Accessibility defects").RequireAuthorization(PlatformPolicies.Staff).WithSummary("设施类型 Types of accessibility facilities");
        var defects = endpoints.MapGroup("/defects").WithTags("Accessibility defects").RequireAuthorization(PlatformPolicies.Staff);
        defects.MapPost("/", (DefectRequest request, HttpContext http, ReportDefect report, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => report.HandleAsync(request, actor, cancellationToken))
                    .ToHttp(found => TypedResults.Created($"/defects/{found.Id}", found)))
            .RequireAuthorization(PlatformPolicies.Caseworker).WithSummary("登记 Report an accessibility defect with its place and clause");
        defects.MapGet("/", (string? department, string? state, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<AccessibilityDefect>>)await AccessibilityDefect.ListAsync(dataSource, department, state,
                        actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("无障碍设施问题 Defects of your area");
        defects.MapPost("/{id:guid}/steps", (Guid id, DefectStepRequest request, HttpContext http, AdvanceDefect advance, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(actor => advance.HandleAsync(id, request, actor, cancellationToken)).ToHttp(found => TypedResults.Ok(found)))
            .RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("推进 Confirm, assign to a department, start fixing, fixed (with a photo), verified");
        defects.MapGet("/rectification", (string? department, HttpContext http, NpgsqlDataSource dataSource, TimeProvider clock,
                CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<AccessibilityDefect>>)await AccessibilityDefect.RectificationAsync(dataSource,
                        department, clock.TodayInChina(), actor.Scope, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("整改清单 What departments still have to fix, overdue first");
        defects.MapGet("/rectification.xlsx", async (string? department, HttpContext http, NpgsqlDataSource dataSource, TimeProvider clock,
                CancellationToken cancellationToken) =>
            {
                if (Actor.Of(http.User, http) is not { } actor)
                {
                    return (IResult)TypedResults.Forbid();
                }
                var today = clock.TodayInChina();
                var list = await AccessibilityDefect.RectificationAsync(dataSource, department, today, actor.Scope, cancellationToken);
                var names = (await TypesAsync(dataSource, cancellationToken)).ToDictionary(t => t.Code, t => t.Name);
                return TypedResults.File(RectificationList.Write(list, names, today),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"无障碍整改清单-{department ?? "全部"}-{today:yyyyMMdd}.xlsx");
            })
            .WithSummary("整改清单 .xlsx The rectification list as a spreadsheet, overdue first");
        return endpoints;
    }

    private static Task<List<DefectTypeView>> TypesAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command("select code, name from defect_types order by code")
            .ReadAllAsync(r => new DefectTypeView(r.Get<string>("code"), r.Get<string>("name")), cancellationToken);
}
