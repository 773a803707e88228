using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Text;
using Tianxin.Contracts.Registry;

namespace Tianxin.Rehabilitation.Features.Programmes;

/// <summary>What a programme's rules and money must be, for creating and changing one alike.</summary>
public static class ProgrammeRules
{
    public const string InvalidTitle = "项目信息有误 / The programme has errors";
    private const decimal MaxAmountPerCase = 1_000_000m;

    public static Dictionary<string, string[]> Validate(ProgrammeRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        ProgrammeFields.Check(request.Code, request.Year, request.Name, request.Budget, errors);
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
        if (request.RequiredStatuses is { } statuses && (statuses.Length == 0 || statuses.Any(s => !HouseholdStatuses.All.Contains(s))))
        {
            errors["requiredStatuses"] = [$"家庭状态为 {string.Join("、", HouseholdStatuses.All)} / Unknown household status."];
        }
        Yuan.Check(request.AmountPerCase, "amountPerCase", errors, MaxAmountPerCase, positive: true);
        if (request.Institutions is { } institutions && institutions.Any(i => string.IsNullOrWhiteSpace(i) || !PlainText.IsValid(i, 100)))
        {
            errors["institutions"] = ["合作机构为伙伴客户端编号 / Institutions are partner client ids."];
        }
        return errors;
    }

    /// <summary>The programme row's values in column order of its insert and update ($2 …).</summary>
    public static object?[] Values(ProgrammeRequest request) =>
    [
        request.Code!.Trim(), request.Year, request.Name!.Trim(), request.MinAge, request.MaxAge,
        request.Categories?.Select(c => (short)c).ToArray(), request.Grades?.Select(g => (short)g).ToArray(),
        request.RequiresCertificate ?? true, request.RequiredStatuses, request.AmountPerCase, request.Institutions ?? [],
    ];
}
