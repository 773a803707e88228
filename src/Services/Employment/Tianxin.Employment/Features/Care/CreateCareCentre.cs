using Npgsql;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Care;

/// <param name="Institution">The care institution's partner id (its client id at identity).</param>
public sealed record CareCentreRequest(string? Name, string? Kind, string? Institution, string? CommunityCode, int? Capacity);

/// <summary>A day-care centre or home-care provider, run by a care institution, with its capacity.</summary>
public sealed class CreateCareCentre(NpgsqlDataSource dataSource)
{
    public static readonly string[] Kinds = ["day_care", "home_care"];

    public async Task<Outcome<CareCentre>> HandleAsync(CareCentreRequest request, string by, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写名称（不超过100字） / Give a name of at most 100 characters."];
        }
        if (request.Kind is null || !Kinds.Contains(request.Kind))
        {
            errors["kind"] = ["托养形式为 day_care（日间照料）或 home_care（居家托养） / day_care or home_care."];
        }
        if (string.IsNullOrWhiteSpace(request.Institution) || !PlainText.IsValid(request.Institution.Trim(), 60))
        {
            errors["institution"] = ["请填写托养机构的合作方编号 / Give the care institution's partner id."];
        }
        if (AreaCode.TryParse(request.CommunityCode) is not { Level: AreaLevel.Community } community || !AreaCode.District.Covers(community))
        {
            errors["communityCode"] = ["地点为本区社区代码（12位） / A community code of this district (twelve digits)."];
        }
        if (request.Capacity is not (>= 1 and <= 10_000))
        {
            errors["capacity"] = ["容量为1至10000人 / Capacity is 1 to 10,000."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, CareRules.InvalidTitle);
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            "insert into care_centres (id, name, kind, institution, community_code, capacity, created_by) values ($1, $2, $3, $4, $5, $6, $7)",
            id, request.Name!.Trim(), request.Kind, request.Institution!.Trim(), request.CommunityCode!.Trim(), request.Capacity, by)
            .ExecuteAsync(cancellationToken);
        return (await CareCentre.FindAsync(dataSource, id, cancellationToken))!;
    }
}
