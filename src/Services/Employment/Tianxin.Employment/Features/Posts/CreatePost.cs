using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Money;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Posts;

public sealed record PostRequest(string? Name, string? CommunityCode, int? Places, decimal? MonthlyAllowance);

/// <summary>A public-welfare post (公益性岗位) with its places and monthly allowance.</summary>
public sealed class CreatePost(NpgsqlDataSource dataSource)
{
    public async Task<Outcome<PublicWelfarePost>> HandleAsync(PostRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写岗位名称（不超过100字） / Give a name of at most 100 characters."];
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !AreaCode.District.Covers(community))
        {
            errors["communityCode"] = ["岗位所在社区代码（12位） / A community code of this district (twelve digits)."];
        }
        if (request.Places is not (>= 1 and <= 1000))
        {
            errors["places"] = ["岗位数为1至1000 / Places are 1 to 1,000."];
        }
        var allowance = Yuan.Check(request.MonthlyAllowance, "monthlyAllowance", errors, 100_000m, positive: true);
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "公益性岗位信息有误 / The post has errors");
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            "insert into public_welfare_posts (id, name, community_code, places, monthly_allowance, created_by) values ($1, $2, $3, $4, $5, $6)",
            id, request.Name!.Trim(), request.CommunityCode!.Trim(), request.Places, allowance!.Value.Amount, by).ExecuteAsync(cancellationToken);
        return (await PublicWelfarePost.FindAsync(dataSource, id, cancellationToken))!;
    }
}
