using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Text;

namespace Tianxin.Employment.Features.Training;

public sealed record CourseRequest(string? Name, string? Kind, DateOnly? StartsOn, DateOnly? EndsOn, int? Capacity);

/// <summary>A training school records one of its courses.</summary>
public sealed class CreateCourse(NpgsqlDataSource dataSource)
{
    public static readonly string[] Kinds = ["general", "order", "directed", "fixed_post"];

    public async Task<Outcome<Course>> HandleAsync(CourseRequest request, string school, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Name) || !PlainText.IsValid(request.Name.Trim(), 100))
        {
            errors["name"] = ["请填写课程名称（不超过100字） / Give a name of at most 100 characters."];
        }
        if (request.Kind is null || !Kinds.Contains(request.Kind))
        {
            errors["kind"] = ["培训类型为 general、order（订单）、directed（定向）或 fixed_post（定岗） / general, order, directed or fixed_post."];
        }
        if (request.StartsOn is null)
        {
            errors["startsOn"] = ["请填写开课日期（yyyy-MM-dd） / Give the first day (yyyy-MM-dd)."];
        }
        if (request.EndsOn is null || request.EndsOn < request.StartsOn)
        {
            errors["endsOn"] = ["结课日期不能早于开课日期 / The last day is on or after the first."];
        }
        if (request.Capacity is not (>= 1 and <= 500))
        {
            errors["capacity"] = ["名额为1至500 / Capacity is 1 to 500."];
        }
        if (errors.Count > 0)
        {
            return Failure.Fields(errors, "课程信息有误 / The course has errors");
        }
        var id = Guid.CreateVersion7();
        await dataSource.Command(
            "insert into training_courses (id, school, name, kind, starts_on, ends_on, capacity, created_by) values ($1, $2, $3, $4, $5, $6, $7, $2)",
            id, school, request.Name!.Trim(), request.Kind, request.StartsOn, request.EndsOn, request.Capacity).ExecuteAsync(cancellationToken);
        return (await Course.FindAsync(dataSource, id, cancellationToken))!;
    }
}
