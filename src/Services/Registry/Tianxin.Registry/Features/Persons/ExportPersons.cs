using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using MiniExcelLibs;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Registry.Features.Persons;

/// <summary>The current search result as an Excel sheet, ID and certificate numbers masked; every export is audited.</summary>
public static class ExportPersons
{
    private const int MaxRows = 50_000;
    private const int PageSize = 500;

    public static RouteGroupBuilder MapExportPersons(this RouteGroupBuilder persons)
    {
        persons.MapGet("/export", HandleAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("导出查询结果 Export the search result (same filters as the search) to Excel, at most 50,000 persons");
        return persons;
    }

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ForbidHttpResult>> HandleAsync(
        [AsParameters] FindPersonsQuery query, ClaimsPrincipal user, HttpContext http, PersonSearch search, PersonalDataProtector protector,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var rows = new List<Dictionary<string, object?>>();
        // Page after page from where the last ended (a cursor, not a growing offset), uncounted.
        for (var next = query with { Page = null, PageSize = PageSize, After = null }; rows.Count < MaxRows;)
        {
            var (found, errors) = await search.FindAsync(next, scope, cancellationToken, countTotal: false);
            if (found is null)
            {
                return TypedResults.ValidationProblem(errors, title: "查询条件有误 / The search has errors");
            }
            rows.AddRange(found.Rows.Select(row => Row(row.View(protector, Disclosure.Masked))));
            if (found.Next is null)
            {
                break;
            }
            next = next with { After = found.Next };
        }
        await audit.RecordAsync(Callers.NameOf(user)!, user, http.Connection.RemoteIpAddress?.ToString(),
            new AuditEvent(AuditActions.PersonalDataRead, $"persons:export:{rows.Count}", "ok", "export"), cancellationToken);
        using var output = new MemoryStream();
        await output.SaveAsAsync(rows, cancellationToken: cancellationToken);
        return TypedResults.File(output.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "persons.xlsx");
    }

    private static Dictionary<string, object?> Row(PersonView person) => new()
    {
        ["姓名"] = person.Name,
        ["身份证号"] = person.IdNumber,
        ["性别"] = person.Sex == "male" ? "男" : "女",
        ["出生年份"] = person.BirthYear,
        ["社区代码"] = person.CommunityCode,
        ["状态"] = person.Status,
        ["残疾人证号"] = person.Certificate?.Number,
        ["残疾类别"] = person.Certificate?.Category,
        ["残疾等级"] = person.Certificate?.Grade,
        ["家庭标记"] = string.Join(",", person.HouseholdFlags),
    };
}
