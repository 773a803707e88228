using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Reporting.Features.Events;

public static class EventsApi
{
    public static IServiceCollection AddReportedEvents(this IServiceCollection services) => services.AddSingleton<RebuildFigures>();

    /// <summary>Every reported event type, consumed through one queue.</summary>
    public static IEnumerable<Type> Consumers => ReportedEvents.All.Select(type => typeof(ReportedEventConsumer<>).MakeGenericType(type));

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/admin/rebuild", async (RebuildFigures rebuild, CancellationToken cancellationToken) =>
                TypedResults.Ok(await rebuild.HandleAsync(cancellationToken)))
            .WithTags("Events").RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("重建统计 Derive every figure again from the stored events alone (the report stays readable meanwhile)");
        endpoints.MapGet("/events/counts", (Npgsql.NpgsqlDataSource dataSource, CancellationToken cancellationToken) =>
                EventCounts.FindAsync(dataSource, cancellationToken))
            .WithTags("Events").RequireAuthorization(PlatformPolicies.Operator)
            .WithSummary("已接收事件 How many events of each type and service the report has counted, and the latest");
        return endpoints;
    }
}
