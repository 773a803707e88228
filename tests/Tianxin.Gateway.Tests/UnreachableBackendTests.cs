using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Registry.V1;

namespace Tianxin.Gateway.Tests;

/// <summary>
/// The gateway in front of a registry that is down (nothing listens) or hung (accepts, never answers):
/// callers get a clear answer quickly, never a hang or an empty error.
/// </summary>
public sealed class UnreachableBackendTests : IDisposable
{
    private readonly TcpListener _hungBackend = new(IPAddress.Loopback, 0);

    public UnreachableBackendTests() => _hungBackend.Start(backlog: 100);

    public void Dispose() => _hungBackend.Dispose();

    [Fact]
    public async Task A_rest_call_to_a_service_that_is_down_is_a_problem_details_503_saying_when_to_retry()
    {
        await using var gateway = GatewayInFrontOf($"http://127.0.0.1:{ClosedPort()}");
        using var client = Client(gateway);

        using var response = await client.GetAsync("/api/registry/info");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal(503, problem!.Status);
        Assert.Contains("service", problem.Title, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_grpc_call_to_a_service_that_is_down_is_unavailable()
    {
        await using var gateway = GatewayInFrontOf($"http://127.0.0.1:{ClosedPort()}");
        using var channel = Channel(gateway);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new RegistryService.RegistryServiceClient(channel).GetServiceInfoAsync(new GetServiceInfoRequest()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task A_service_that_never_answers_is_a_504_after_the_backend_timeout()
    {
        var port = ((IPEndPoint)_hungBackend.LocalEndpoint).Port;
        await using var gateway = GatewayInFrontOf($"http://127.0.0.1:{port}", backendTimeout: "00:00:01");
        using var client = Client(gateway);

        using var response = await client.GetAsync("/api/registry/info");

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_grpc_call_to_a_service_that_never_answers_is_deadline_exceeded()
    {
        var port = ((IPEndPoint)_hungBackend.LocalEndpoint).Port;
        await using var gateway = GatewayInFrontOf($"http://127.0.0.1:{port}", backendTimeout: "00:00:01");
        using var channel = Channel(gateway);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await new RegistryService.RegistryServiceClient(channel).GetServiceInfoAsync(new GetServiceInfoRequest()));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
    }

    private static WebApplicationFactory<Program> GatewayInFrontOf(string registryAddress, string backendTimeout = "00:00:30") =>
        TestGateway.InFrontOf(registryAddress, new Dictionary<string, string> { ["Gateway:BackendTimeout"] = backendTimeout });

    private static HttpClient Client(WebApplicationFactory<Program> gateway)
    {
        var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Add("Authorization", TestAuthentication.SchemeName);
        return client;
    }

    private static GrpcChannel Channel(WebApplicationFactory<Program> gateway) =>
        GrpcChannel.ForAddress(gateway.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = gateway.Server.CreateHandler(),
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add("Authorization", TestAuthentication.SchemeName);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
        });

    private static int ClosedPort() => TestGateway.ClosedPort();

    private sealed record Problem(int Status, string Title, string Detail);
}
