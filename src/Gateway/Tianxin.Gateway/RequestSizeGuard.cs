using Microsoft.AspNetCore.Http.Features;

namespace Tianxin.Gateway;

/// <summary>
/// Refuses a declared oversized body before anything is forwarded, with a problem that says the limit.
/// Bodies without a declared length are cut by Kestrel's own limit, reported by <see cref="ProxyErrorResponder"/>.
/// </summary>
public sealed class RequestSizeGuard(RequestDelegate next, GatewayOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? options.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await Results.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "请求体过大 / Request body too large",
                detail: $"The body is {context.Request.ContentLength} bytes; the gateway accepts at most {limit} bytes.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }
}
