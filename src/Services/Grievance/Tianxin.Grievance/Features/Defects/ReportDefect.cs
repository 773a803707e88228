using Npgsql;
using Tianxin.BuildingBlocks;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Text;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.Grievance.Features.Defects;

/// <param name="Clause">The clause of GB 50763-2012 it breaks, e.g. "3.1.2".</param>
public sealed record DefectRequest(
    string? Type, string? Address, decimal? Latitude, decimal? Longitude, string? Clause, string? Description, string? CommunityCode, DateOnly? ReportedOn);

/// <summary>A defect found on a survey or reported by a resident, placed within the district's bounds and the caller's area.</summary>
public sealed class ReportDefect(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public const string InvalidTitle = "无障碍设施问题信息有误 / The defect has errors";

    public async Task<Outcome<AccessibilityDefect>> HandleAsync(DefectRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reportedOn = DateFields.Past(request.ReportedOn, "reportedOn", errors, clock.TodayInChina());
        if (!await dataSource.Command("select exists (select 1 from defect_types where code = $1)", request.Type ?? "").ScalarAsync<bool>(cancellationToken))
        {
            errors["type"] = ["没有此设施类型，见 GET /defect-types / No such type; see GET /defect-types."];
        }
        if (string.IsNullOrWhiteSpace(request.Address) || !PlainText.IsValid(request.Address.Trim(), 200))
        {
            errors["address"] = ["请填写地址（不超过200字） / The address, at most 200 characters."];
        }
        var inside = request.Latitude is { } lat && request.Longitude is { } lon && await dataSource.Command(
                "select exists (select 1 from district_bounds where area_code = $1 and $2 between min_lat and max_lat and $3 between min_lon and max_lon)",
                AreaCode.District.Value, lat, lon).ScalarAsync<bool>(cancellationToken);
        if (!inside)
        {
            errors["latitude"] = ["坐标须在天心区范围内（WGS-84） / Coordinates (WGS-84) within Tianxin District."];
            errors["longitude"] = ["坐标须在天心区范围内（WGS-84） / Coordinates (WGS-84) within Tianxin District."];
        }
        if (string.IsNullOrWhiteSpace(request.Clause) || request.Clause.Trim().Length > 20 || !request.Clause.Trim().All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            errors["clause"] = ["请填写违反的 GB 50763-2012 条款号，如 3.1.2 / The clause of GB 50763-2012, e.g. 3.1.2."];
        }
        if (string.IsNullOrWhiteSpace(request.Description) || !PlainText.IsValid(request.Description.Trim(), 1000))
        {
            errors["description"] = ["请描述问题（不超过1000字） / Describe the defect, at most 1,000 characters."];
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !actor.Scope.Covers(community.Value))
        {
            errors["communityCode"] = ["请填写本辖区内的社区代码（12位） / A community code (12 digits) within your area."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            """
            insert into accessibility_defects (id, number, type, address, latitude, longitude, clause, description, community_code, state, reported_on, reported_by)
            values ($1, 'WZA' || to_char($10::date, 'YYYY') || '-' || lpad(nextval('defect_numbers')::text, 5, '0'), $2, $3, $4, $5, $6, $7, $8, 'reported', $9, $11)
            """, id, request.Type, request.Address!.Trim(), request.Latitude!.Value, request.Longitude!.Value, request.Clause!.Trim(), request.Description!.Trim(),
            request.CommunityCode, reportedOn, reportedOn, actor.Name).ExecuteAsync(cancellationToken);
        return (await AccessibilityDefect.FindAsync(dataSource, id, AreaScope.District, cancellationToken))!;
    }
}
