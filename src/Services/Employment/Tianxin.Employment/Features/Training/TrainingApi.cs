using Npgsql;
using Tianxin.BuildingBlocks.Outcomes;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Employment.Features.Training;

/// <summary>Staff read training here; the schools write it over gRPC (tianxin.employment.v1).</summary>
public static class TrainingApi
{
    public static IServiceCollection AddTraining(this IServiceCollection services) =>
        services.AddSingleton<CreateCourse>().AddSingleton<EnrolTrainee>().AddSingleton<RecordAttendance>().AddSingleton<CompleteTraining>()
            .AddSingleton<TrainingConversion>();

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder endpoints)
    {
        var training = endpoints.MapGroup("/training").WithTags("Training").RequireAuthorization(PlatformPolicies.Staff);
        training.MapGet("/courses", async (string? school, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                TypedResults.Ok(await Course.ListAsync(dataSource, school, cancellationToken)))
            .WithSummary("培训课程 Courses of the training schools, latest first");
        training.MapGet("/courses/{id:guid}/enrolments", (Guid id, HttpContext http, NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                Actor.From(http).ThenAsync(async actor => (Outcome<List<TrainingEnrolment>>)await TrainingEnrolment.OfCourseAsync(dataSource, id,
                        actor.Scope.Area.LikePattern, cancellationToken))
                    .ToHttp(found => TypedResults.Ok(found)))
            .WithSummary("培训学员 The course's trainees of your area, with attendance and completion");
        training.MapGet("/conversion/{year:int}", async (int year, TrainingConversion conversion, CancellationToken cancellationToken) =>
                TypedResults.Ok(await conversion.ForYearAsync(year, cancellationToken)))
            .WithSummary("培训转化率 Training-to-job conversion per course and school, for the courses that ended in the year");
        return endpoints;
    }
}
