using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.Reporting.Features.Figures;

namespace Tianxin.Reporting.Features.YearEnd;

public static class YearEndApi
{
    public static IServiceCollection AddYearEndReport(this IServiceCollection services) => services.AddSingleton<DraftYearEndReport>();

    public static IEndpointRouteBuilder MapYearEndApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/year-end/{year:int}", DraftAsync)
            .WithTags("Year-end report").RequireAuthorization(DistrictFiguresPolicy.Totals)
            .WithSummary("年度工作总结草稿 The year-end report drafted from the services' events: a page, or ?format=docx|xlsx|json")
            .Produces<YearEndReport>(contentType: "application/json");
        return endpoints;
    }

    private static async Task<Results<ContentHttpResult, FileContentHttpResult, Ok<YearEndReport>, ValidationProblem>> DraftAsync(int year, string? format,
        DraftYearEndReport draft, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (ReportYear.Check(year, clock) is { } invalidYear)
        {
            return TypedResults.ValidationProblem(invalidYear.Errors, title: invalidYear.Title);
        }
        if (format is not (null or "html" or "docx" or "xlsx" or "json"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = ["格式为 html、docx、xlsx 或 json / The format is html, docx, xlsx or json."] });
        }
        var report = await draft.HandleAsync(year, cancellationToken);
        return format switch
        {
            "json" => TypedResults.Ok(report),
            "docx" => TypedResults.File(YearEndDocx.Render(report), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                $"tianxin-year-end-{year}.docx"),
            "xlsx" => TypedResults.File(YearEndXlsx.Render(report), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                $"tianxin-year-end-{year}.xlsx"),
            _ => TypedResults.Content(YearEndHtml.Render(report), "text/html", Encoding.UTF8),
        };
    }
}
