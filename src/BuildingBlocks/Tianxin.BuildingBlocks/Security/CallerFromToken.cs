using Microsoft.AspNetCore.Http;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>
/// Makes the bearer token's caller the request's user before authorisation. It stands in for ASP.NET's
/// authentication middleware on every request: that one built an authentication handler per request (two, with
/// OpenIddict's) and was a sixth of the gateway's CPU time for a cached token (profiled, see bench/README.md).
/// Policies that name schemes, and challenges, still go through <see cref="CachedTokenAuthentication"/>.
/// </summary>
public sealed class CallerFromToken(RequestDelegate next, AccessTokens tokens)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var check = await tokens.CheckAsync(context.Request.Headers.Authorization.ToString(), context.RequestAborted);
        if (check.Caller is { } caller)
        {
            context.User = caller;
        }
        await next(context);
    }
}
