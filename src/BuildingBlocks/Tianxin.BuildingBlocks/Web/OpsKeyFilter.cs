using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// Guards operator endpoints (error-queue replay) with the shared ops key that the AppHost hands to
/// services and to its dashboard commands (header <c>X-Ops-Key</c>). Without a configured key the
/// endpoints do not exist as far as callers can tell.
/// </summary>
public sealed class OpsKeyFilter(IConfiguration configuration) : IEndpointFilter
{
    public const string HeaderName = "X-Ops-Key";
    public const string ConfigurationKey = "Tianxin:OpsKey";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = configuration[ConfigurationKey];
        if (string.IsNullOrEmpty(expected))
        {
            return TypedResults.NotFound();
        }
        var given = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "需要运维密钥 / Ops key required", detail: $"Send the operator key in the {HeaderName} header.");
        }
        return await next(context);
    }
}
