using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Postings;

/// <param name="CommunityCode">The workplace's community; the employer's when not given.</param>
/// <param name="Categories">Disability categories (1–7) the work suits; none given suits every category.</param>
/// <param name="Hours">full_time, part_time or flexible.</param>
public sealed record PostingRequest(
    Guid? EmployerId, string? Title, string? CommunityCode, IReadOnlyList<int>? Categories, int? MinGrade, int? MaxGrade, bool? Accessible,
    string? Hours, IReadOnlyList<string>? Skills, int? Openings);

/// <summary>A posting of an employer, with what the work suits.</summary>
public sealed class CreatePosting(NpgsqlDataSource dataSource)
{
    public const string InvalidTitle = "岗位信息有误 / The posting has errors";
    public static readonly string[] HoursKinds = ["full_time", "part_time", "flexible"];

    public async Task<Outcome<Posting>> HandleAsync(PostingRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.EmployerId is null)
        {
            errors["employerId"] = ["请填写用人单位 / Name the employer."];
        }
        if (string.IsNullOrWhiteSpace(request.Title) || !PlainText.IsValid(request.Title.Trim(), 50))
        {
            errors["title"] = ["请填写岗位名称（不超过50字） / Give a title of at most 50 characters."];
        }
        if (request.CommunityCode is not null
            && (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !AreaCode.District.Covers(community)))
        {
            errors["communityCode"] = ["工作地点为本区社区代码（12位） / A community code of this district (twelve digits)."];
        }
        if (request.Categories is { } categories && (categories.Count > 7 || categories.Any(c => c is < 1 or > 7)))
        {
            errors["categories"] = ["残疾类别为1至7 / Categories are 1 to 7."];
        }
        if (request.MinGrade is not (>= 1 and <= 4) || request.MaxGrade is not (>= 1 and <= 4) || request.MinGrade > request.MaxGrade)
        {
            errors["minGrade"] = ["适合等级为1至4级，下限不高于上限 / Grades are 1 to 4, the lower bound first."];
        }
        if (request.Hours is null || !HoursKinds.Contains(request.Hours))
        {
            errors["hours"] = ["工时为 full_time、part_time 或 flexible / full_time, part_time or flexible."];
        }
        if (request.Skills is { } skills && (skills.Count > 10 || skills.Any(s => string.IsNullOrWhiteSpace(s) || !PlainText.IsValid(s.Trim(), 20))))
        {
            errors["skills"] = ["技能最多10项，每项不超过20字 / At most 10 skills of at most 20 characters each."];
        }
        if (request.Openings is not (>= 1 and <= 1000))
        {
            errors["openings"] = ["招聘人数为1至1000 / Openings are 1 to 1,000."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        var inserted = await dataSource.Command(
            """
            insert into postings (id, employer_id, title, community_code, categories, min_grade, max_grade, accessible, hours, skills, openings, created_by)
            select $1, e.id, $3, coalesce($4, e.community_code), $5, $6, $7, coalesce($8, e.accessible), $9, $10, $11, $12
            from employers e where e.id = $2
            """, id, request.EmployerId, request.Title!.Trim(), request.CommunityCode?.Trim(),
            (request.Categories ?? []).Distinct().Select(c => (short)c).ToArray(), (short)request.MinGrade!.Value, (short)request.MaxGrade!.Value,
            request.Accessible, request.Hours, (request.Skills ?? []).Select(s => s.Trim()).Distinct().ToArray(), request.Openings, by)
            .ExecuteAsync(cancellationToken);
        return inserted == 1
            ? (await Posting.FindAsync(dataSource, id, cancellationToken))!
            : Failure.Field("employerId", "没有此用人单位 / No such employer.", InvalidTitle);
    }
}
