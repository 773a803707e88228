using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;
using Tianxin.Registry.Features.Certificates;

namespace Tianxin.Registry.Features.Persons;

/// <param name="Name">Part of the name or its pinyin initials: 张三丰 is found by 三丰 and by zsf.</param>
/// <param name="Area">A street (9 digits) or community (12 digits) within your area.</param>
/// <param name="Flag">A household status or special group, e.g. registered_poor, elderly_carer, multiple_disabled.</param>
/// <param name="Status">active (the default), deceased, moved_out or all.</param>
/// <param name="Sort">name (default), birthDate or registered; a leading - sorts descending.</param>
/// <param name="After">The <c>next</c> of the page before, for the page after it (instead of <c>page</c>): as fast for the thousandth page as for the first.</param>
public sealed record FindPersonsQuery(
    string? Name, string? Area, int? Category, int? Grade, bool? Severe, string? Flag, string? Status, string? Sort,
    int? Page, int? PageSize, string? After = null);

/// <param name="Next">Give it as <c>after</c> for the next page; null on the last.</param>
public sealed record PersonPage(IReadOnlyList<PersonView> Items, long Total, int Page, int PageSize, string? Next);

public static class FindPersons
{
    public static readonly string[] Flags =
        ["registered_poor", "minimum_living", "extreme_poverty", "elderly_carer", "multiple_disabled", "elderly_disabled", "alone"];

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["name"] = "p.name", ["birthDate"] = "p.birth_date", ["registered"] = "p.created_at",
    };

    public static RouteGroupBuilder MapFindPersons(this RouteGroupBuilder persons)
    {
        persons.MapGet("/", HandleAsync).RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("查找残疾人 Find persons in your area by name or pinyin initials, area, category, grade and household flags (paged)");
        return persons;
    }

    public static async Task<Results<Ok<PersonPage>, ValidationProblem, ForbidHttpResult>> HandleAsync(
        [AsParameters] FindPersonsQuery query, ClaimsPrincipal user, PersonSearch search, PersonalDataProtector protector,
        CancellationToken cancellationToken)
    {
        if (AreaScope.Of(user) is not { } scope)
        {
            return TypedResults.Forbid();
        }
        var (page, errors) = await search.FindAsync(query, scope, cancellationToken);
        return page is null
            ? TypedResults.ValidationProblem(errors, title: "查询条件有误 / The search has errors")
            : TypedResults.Ok(new PersonPage(page.Rows.Select(row => row.View(protector, Disclosure.Masked)).ToList(),
                page.Total.GetValueOrDefault(), page.Page, page.PageSize, page.Next));
    }

    public static Dictionary<string, string[]> Validate(FindPersonsQuery query, AreaScope scope)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Area is { } area && (AreaCode.TryParse(area) is not { } code || !(scope.Area.Covers(code) || code.Covers(scope.Area))))
        {
            errors["area"] = ["区域代码无效或不在您的辖区内 / The area code is not valid or outside your area."];
        }
        if (query.Category is not null && !DisabilityCategories.IsCategory(query.Category))
        {
            errors["category"] = ["残疾类别应为1至7 / The category is 1 to 7."];
        }
        if (query.Grade is not null && !DisabilityCategories.IsGrade(query.Grade))
        {
            errors["grade"] = ["残疾等级应为1至4 / The grade is 1 to 4."];
        }
        if (query.Flag is not null && !Flags.Contains(query.Flag))
        {
            errors["flag"] = [$"未知标记，可选：{string.Join(", ", Flags)} / Unknown flag."];
        }
        if (query.Status is not null && query.Status is not ("active" or "deceased" or "moved_out" or "all"))
        {
            errors["status"] = ["状态应为 active、deceased、moved_out 或 all / The status is active, deceased, moved_out or all."];
        }
        if (query.Sort is not null && !SortColumns.ContainsKey(query.Sort.TrimStart('-')))
        {
            errors["sort"] = ["排序应为 name、birthDate 或 registered / Sort by name, birthDate or registered."];
        }
        if (query.Name is { } name && SearchTerms.Normalise(name).Length is < 2 or > 30)
        {
            errors["name"] = ["姓名查询为2至30个字或拼音首字母 / A name query has 2 to 30 characters or pinyin initials."];
        }
        if (query.Page is < 1 or > 10_000)
        {
            errors["page"] = ["页码应为1至10000 / The page is 1 to 10000."];
        }
        if (query.PageSize is < 1 or > 500)
        {
            errors["pageSize"] = ["每页1至500条 / A page holds 1 to 500 persons."];
        }
        if (query.After is { } after && (PersonCursor.Decode(after) is not { } cursor || cursor.Sort != (query.Sort ?? "name")))
        {
            errors["after"] = ["请使用同一排序下上一页返回的 next / Give the next of the page before, with the same sort."];
        }
        if (query.After is not null && query.Page is not null)
        {
            errors["page"] = ["给出 after 时不填页码 / Leave the page out when you give after."];
        }
        return errors;
    }

    /// <summary>The SQL condition and its values; the area is the narrower of the caller's and the one asked for.</summary>
    /// <returns>The conditions, their values, the order, and the condition of the rows after the cursor (not counted in the total).</returns>
    public static (string Where, List<object?> Values, string OrderBy, string? After) Build(FindPersonsQuery query, AreaScope scope)
    {
        var values = new List<object?>();
        var conditions = new List<string>();
        string Parameter(object? value)
        {
            values.Add(value);
            return "$" + values.Count;
        }
        var area = query.Area is { } asked && AreaCode.TryParse(asked) is { } code && scope.Area.Covers(code) ? code : scope.Area;
        conditions.Add($"p.community_code like {Parameter(area.LikePattern)}");
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var normalised = SearchTerms.Normalise(query.Name);
            conditions.Add($"p.search_terms @> array[{Parameter(SearchTerms.ProbeFor(query.Name))}]");
            if (normalised.Length > SearchTerms.MaxLength)
            {
                var full = Parameter(normalised);
                conditions.Add($"(strpos(replace(p.name, '·', ''), {full}) > 0 or strpos(p.name_initials, {full}) > 0)");
            }
        }
        if (query.Category is { } category)
        {
            conditions.Add($"c.category = {Parameter((short)category)}");
        }
        if (query.Grade is { } grade)
        {
            conditions.Add($"c.grade = {Parameter((short)grade)}");
        }
        if (query.Severe is { } severe)
        {
            conditions.Add(severe ? "c.grade <= 2" : "c.grade > 2");
        }
        if (query.Flag is { } flag)
        {
            conditions.Add($"p.household_flags @> array[{Parameter(flag)}]");
        }
        if ((query.Status ?? "active") is var status && status != "all")
        {
            conditions.Add($"p.status = {Parameter(status)}");
        }
        var sort = query.Sort ?? "name";
        var column = SortColumns[sort.TrimStart('-')];
        var descending = sort.StartsWith('-');
        // After the cursor's person, by its sort value now: read here, within the caller's area, never carried in the cursor.
        var after = query.After is { } token && PersonCursor.Decode(token) is { } cursor
            ? $"({column}, p.id) {(descending ? "<" : ">")} ((select {column.Replace("p.", "q.", StringComparison.Ordinal)} from persons q " +
              $"where q.id = {Parameter(cursor.Id)} and q.community_code like {Parameter(scope.Area.LikePattern)}), {Parameter(cursor.Id)})"
            : null;
        var direction = descending ? "desc" : "asc";
        return (string.Join(" and ", conditions), values, $"{column} {direction}, p.id {direction}", after);
    }
}

/// <param name="Total">Null when not asked for.</param>
public sealed record FoundRows(IReadOnlyList<PersonRow> Rows, long? Total, int Page, int PageSize, string? Next);

/// <summary>The search behind REST, gRPC and export.</summary>
public sealed class PersonSearch(NpgsqlDataSource dataSource)
{
    /// <param name="countTotal">False where the total is not shown (an export): counting every match costs as much as the search.</param>
    public async Task<(FoundRows? Page, Dictionary<string, string[]> Errors)> FindAsync(FindPersonsQuery query, AreaScope scope,
        CancellationToken cancellationToken, bool countTotal = true)
    {
        var errors = FindPersons.Validate(query, scope);
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var (where, values, orderBy, after) = FindPersons.Build(query, scope);
        var (page, pageSize) = (query.Page ?? 1, query.PageSize ?? 50);
        // The page is chosen on the filter columns alone, joining certificates only to filter on them; its
        // rows are then read whole.
        var byCertificate = query.Category is not null || query.Grade is not null || query.Severe is not null;
        var matching = $"""
            from persons p
            {(byCertificate ? "join certificates c on c.person_id = p.id and c.status = 'valid'" : "")}
            where {where}
            """;
        long? total = countTotal ? await dataSource.Command($"select count(*) {matching}", [.. values]).ScalarAsync<long>(cancellationToken) : null;
        var chosen = await dataSource.Command(
                $"select p.id {matching} {(after is null ? "" : "and " + after)} order by {orderBy} limit {pageSize + 1} offset {(page - 1) * pageSize}",
                [.. values])
            .ReadAllAsync(reader => reader.Get<Guid>("id"), cancellationToken);
        var more = chosen.Count > pageSize;
        chosen = chosen.Take(pageSize).ToList();
        var rows = await dataSource.Command($"{PersonStore.Select("$2")} where p.id = any($1) order by {orderBy}", chosen.ToArray(), scope.Area.LikePattern)
            .ReadAllAsync(PersonStore.Read, cancellationToken);
        var next = more ? new PersonCursor(query.Sort ?? "name", chosen[^1]).Encode() : null;
        return (new FoundRows(rows, total, page, pageSize, next), errors);
    }
}
