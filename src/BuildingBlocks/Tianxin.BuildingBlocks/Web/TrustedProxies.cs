using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.BuildingBlocks.Web;

/// <summary>
/// Whose word on the caller's address is believed: the proxies in front of this process (an ingress before the gateway,
/// the gateway before a service), given under "TrustedProxies" as addresses or networks (10.0.0.0/8), beside loopback.
/// Their X-Forwarded-For names the client, which rate limits and audit records then use; anyone else's is ignored, so a
/// client cannot choose its own address.
/// </summary>
public static class TrustedProxies
{
    public const string Section = "TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in configuration.GetSection(Section).Get<string[]>() ?? [])
            {
                if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    forwarded.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException($"{Section}: '{entry}' is neither an address nor a network such as 10.0.0.0/8.");
                }
            }
        });

    /// <summary>First in the pipeline, so that everything after it sees the client's address.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
