using Tianxin.BuildingBlocks.Security;

namespace Tianxin.Grievance.Features.Attachments;

public static class AttachmentsApi
{
    public static IServiceCollection AddAttachments(this IServiceCollection services) => services.AddSingleton<Attachments>();

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/cases/{id:guid}/attachments", (Guid id, string? fileName, HttpContext http, Attachments attachments,
                CancellationToken cancellationToken) => Upload(attachments, "case", id, fileName, http, cancellationToken))
            .WithTags("Cases").RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("附件 Attach a photo (JPEG, PNG) or PDF as the raw body; the type and size are checked before it is read");
        endpoints.MapPost("/defects/{id:guid}/photos", (Guid id, string? fileName, HttpContext http, Attachments attachments,
                CancellationToken cancellationToken) => Upload(attachments, "defect", id, fileName, http, cancellationToken))
            .WithTags("Accessibility defects").RequireAuthorization(PlatformPolicies.Caseworker)
            .WithSummary("现场照片 A photo of the defect, or of the fix, as the raw body");
        endpoints.MapGet("/attachments/{id:guid}", (Guid id, HttpContext http, Attachments attachments, CancellationToken cancellationToken) =>
                Actor.Of(http.User, http) is { } actor ? attachments.DownloadAsync(id, actor.Scope, cancellationToken) : Task.FromResult(TypedResults.Forbid() as IResult))
            .WithTags("Cases").RequireAuthorization(PlatformPolicies.Staff).WithSummary("下载附件 The file, streamed");
        return endpoints;
    }

    private static Task<IResult> Upload(Attachments attachments, string owner, Guid id, string? fileName, HttpContext http, CancellationToken cancellationToken) =>
        Actor.Of(http.User, http) is { } actor
            ? attachments.UploadAsync(owner, id, fileName, http, actor.Scope, actor.Name, cancellationToken)
            : Task.FromResult<IResult>(TypedResults.Forbid());
}
