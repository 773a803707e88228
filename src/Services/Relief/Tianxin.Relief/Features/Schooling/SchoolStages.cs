using Npgsql;
using Tianxin.BuildingBlocks.Persistence;

namespace Tianxin.Relief.Features.Schooling;

public sealed record SchoolStage(string Code, string Name, string NameEn);

/// <summary>The school stages (学段) as data: what the education bureau reports and education aid pays by.</summary>
public static class SchoolStages
{
    public static Task<List<SchoolStage>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
        dataSource.Command("select code, name_zh, name_en from school_stages order by position")
            .ReadAllAsync(r => new SchoolStage(r.GetString(0), r.GetString(1), r.GetString(2)), cancellationToken);

    public static async Task<SchoolStage?> CheckAsync(NpgsqlDataSource dataSource, string? stage, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        var stages = await ListAsync(dataSource, cancellationToken);
        if (stages.FirstOrDefault(s => s.Code == stage) is { } found)
        {
            return found;
        }
        errors["stage"] = [$"学段为 {string.Join("、", stages.Select(s => $"{s.Code}（{s.Name}）"))} / The stage is one of {string.Join(", ", stages.Select(s => s.Code))}."];
        return null;
    }
}
