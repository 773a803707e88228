using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Tianxin.Gateway.Tests;

/// <summary>The gateway in process, in front of a registry at the given address, with "Authorization: Test" as a partner's token.</summary>
internal static class TestGateway
{
    public static WebApplicationFactory<Program> InFrontOf(string registryAddress, IReadOnlyDictionary<string, string>? settings = null,
        Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Gateway:Services:0", "registry");
            web.UseSetting("services:registry:grpc:0", registryAddress);
            web.UseSetting("Identity:Issuer", "http://localhost:5080/");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                web.UseSetting(key, value);
            }
            web.ConfigureTestServices(test =>
            {
                test.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthentication>(TestAuthentication.SchemeName, null);
                test.PostConfigure<AuthenticationOptions>(options =>
                {
                    options.DefaultScheme = TestAuthentication.SchemeName;
                    options.DefaultAuthenticateScheme = TestAuthentication.SchemeName;
                    options.DefaultChallengeScheme = TestAuthentication.SchemeName;
                });
                services?.Invoke(test);
            });
        });

    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
