using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Employers;

/// <param name="CommunityCode">The workplace's community (twelve digits).</param>
/// <param name="Accessible">The workplace is barrier-free.</param>
public sealed record EmployerRequest(string? CreditCode, string? Name, string? CommunityCode, bool? Accessible);

/// <summary>An employer of the district, known by its unified social credit code.</summary>
public sealed class RegisterEmployer(NpgsqlDataSource dataSource)
{
    public const string InvalidTitle = "用人单位信息有误 / The employer has errors";

    public async Task<Outcome<Employer>> HandleAsync(EmployerRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var code = CreditCode.Normalise(request.CreditCode);
        if (code is null)
        {
            errors["creditCode"] = ["统一社会信用代码应为18位且校验位正确（GB 32100） / An 18-character unified social credit code whose check character is right."];
        }
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写单位名称（不超过100字） / Give the name, at most 100 characters."];
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !AreaCode.District.Covers(community))
        {
            errors["communityCode"] = ["工作地点为本区社区代码（12位） / A community code of this district (twelve digits)."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        var inserted = await dataSource.Command(
            """
            insert into employers (id, credit_code, name, community_code, accessible, registered_by) values ($1, $2, $3, $4, $5, $6)
            on conflict (credit_code) do nothing
            """, id, code, request.Name!.Trim(), request.CommunityCode!.Trim(), request.Accessible ?? false, by).ExecuteAsync(cancellationToken);
        return inserted == 1
            ? (await Employer.FindAsync(dataSource, id, cancellationToken))!
            : new Failure.Duplicate("该统一社会信用代码的单位已登记 / An employer with this credit code is already registered");
    }
}
