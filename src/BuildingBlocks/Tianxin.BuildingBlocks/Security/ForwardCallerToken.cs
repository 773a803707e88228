using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.BuildingBlocks.Security;

/// <summary>
/// A call from one service to another, made while serving a request, carries the caller's own token:
/// the next service decides with the caller's rights and area, never with the calling service's.
/// Add it to clients of platform services only (<see cref="ForwardCallerTokenExtensions.ForwardCallerToken"/>),
/// so tokens are never sent elsewhere.
/// </summary>
public sealed class ForwardCallerToken(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null
            && AuthenticationHeaderValue.TryParse(accessor.HttpContext?.Request.Headers.Authorization.ToString(), out var caller)
            && caller.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Authorization = caller;
        }
        return base.SendAsync(request, cancellationToken);
    }
}

public static class ForwardCallerTokenExtensions
{
    public static IHttpClientBuilder ForwardCallerToken(this IHttpClientBuilder client)
    {
        client.Services.AddHttpContextAccessor();
        client.Services.AddTransient<ForwardCallerToken>();
        return client.AddHttpMessageHandler<ForwardCallerToken>();
    }
}
