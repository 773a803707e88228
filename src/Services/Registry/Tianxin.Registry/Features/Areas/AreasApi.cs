using Tianxin.BuildingBlocks.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace Tianxin.Registry.Features.Areas;

public sealed record AreaView(string Code, string? ParentCode, string Name, string Level);

public static class AreasApi
{
    /// <summary>The district, its streets and communities: reference data every signed-in caller may read.</summary>
    public static IEndpointRouteBuilder MapAreasApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/areas", ListAsync).WithTags("Areas").WithSummary("行政区划 District, streets and communities");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<AreaView>>> ListAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select code, parent_code, name, level from areas order by code");
        var areas = new List<AreaView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            areas.Add(new AreaView(reader.Get<string>("code"), reader.NullableString("parent_code"), reader.Get<string>("name"), reader.Get<string>("level")));
        }
        return TypedResults.Ok<IReadOnlyList<AreaView>>(areas);
    }
}
