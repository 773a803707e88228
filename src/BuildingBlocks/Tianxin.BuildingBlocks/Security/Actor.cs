using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Tianxin.BuildingBlocks.Areas;
using Tianxin.BuildingBlocks.Outcomes;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>Who makes a change: a signed-in staff member within their area (REST, gRPC, or work they started).</summary>
public sealed record Actor(string Name, ClaimsPrincipal User, AreaScope Scope, string? ClientAddress)
{
    /// <returns>Null for a caller without a name or a valid area (partners, a broken account): such callers change no area-bound records.</returns>
    public static Actor? Of(ClaimsPrincipal user, HttpContext http) =>
        AreaScope.Of(user) is { } scope && Callers.NameOf(user) is { } name
            ? new Actor(name, user, scope, http.Connection.RemoteIpAddress?.ToString())
            : null;

    /// <summary>The caller as an actor, or <see cref="Failure.NoArea"/> (403): for endpoints that chain the use case onto it.</summary>
    public static Outcome<Actor> From(HttpContext http) => Of(http.User, http) is { } actor ? actor : Failure.NoArea;

    /// <summary>Work the platform does itself (demo data, timers), district-wide.</summary>
    public static Actor System(string name) =>
        new(name, new ClaimsPrincipal(new ClaimsIdentity([new Claim(Callers.PreferredUserName, name)])), AreaScope.District, null);
}
