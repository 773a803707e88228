using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.Audit;

/// <summary>Newest first; page with <c>before</c> = the smallest id of the previous page.</summary>
public sealed record AuditQuery(
    string? Actor,
    string? Action,
    DateTimeOffset? From,
    DateTimeOffset? To,
    long? Before,
    [property: Range(1, 1000)] int? Limit);

public static class AuditApi
{
    /// <summary>GET /admin/audit for auditors (and district administrators), through the gateway at /api/&lt;service&gt;/admin/audit.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/audit", FindAsync)
            .RequireAuthorization(PlatformPolicies.Auditor)
            .WithTags("Audit")
            .WithSummary("审计日志 Audit log: refused calls, reads and changes of personal data");
        return endpoints;
    }

    public static async Task<Ok<IReadOnlyList<AuditEntry>>> FindAsync([AsParameters] AuditQuery query, AuditTrail audit, CancellationToken cancellationToken) =>
        TypedResults.Ok(await audit.FindAsync(query, cancellationToken));
}
