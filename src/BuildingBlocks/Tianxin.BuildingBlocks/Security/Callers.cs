using System.Security.Claims;
using System.Text;
using System.Text.Json;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>Who is calling, as a short stable name for audit records and rate-limit partitions.</summary>
public static class Callers
{
    public const string PreferredUserName = "preferred_username";
    public const string Subject = "sub";

    /// <summary>
    /// A staff member's user name (their tokens also name the front-end as client_id), else the partner's
    /// client id, else the subject; null for a caller without a valid token.
    /// </summary>
    public static string? NameOf(ClaimsPrincipal user) =>
        user.FindFirst(PreferredUserName)?.Value ?? user.FindFirst(PlatformClaims.ClientId)?.Value ?? user.FindFirst(Subject)?.Value;

    /// <summary>
    /// The name a refused bearer token claims, read without verifying it, so that an audit record of a
    /// refusal still says whose token it said it was. Never use it to decide anything.
    /// </summary>
    public static string? UnverifiedNameOf(string? authorizationHeader)
    {
        const string prefix = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var parts = authorizationHeader[prefix.Length..].Trim().Split('.');
        if (parts.Length != 3 || parts[1].Length > 8192)
        {
            return null;
        }
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
            foreach (var claim in new[] { PreferredUserName, PlatformClaims.ClientId, Subject })
            {
                if (json.RootElement.TryGetProperty(claim, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
            return null;
        }
        catch (Exception e) when (e is FormatException or JsonException or ArgumentException)
        {
            return null;
        }
    }
}
