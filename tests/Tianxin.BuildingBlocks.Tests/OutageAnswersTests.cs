using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.BuildingBlocks.Tests;

/// <summary>A request that meets a database nobody answers for: the caller is told to retry, not shown a failure.</summary>
public sealed class OutageAnswersTests
{
    [Fact]
    public async Task Over_rest_it_is_a_503_problem_with_retry_after()
    {
        await using var app = await ServingAsync(endpoints => endpoints.MapGet("/persons", ReadFromADatabaseThatIsDownAsync));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/persons");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(OutageAnswers.RetryAfterSeconds), response.Headers.RetryAfter?.Delta);
        var problem = await response.Content.ReadFromJsonAsync<Problem>();
        Assert.Equal((503, OutageAnswers.Title), (problem!.Status, problem.Title));
    }

    [Fact]
    public async Task A_failure_that_is_not_an_outage_is_left_to_the_other_handlers()
    {
        await using var app = await ServingAsync(endpoints => endpoints.MapGet("/persons", string () => throw new InvalidOperationException("a bug")));
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        using var response = await client.GetAsync("/persons");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Over_grpc_it_is_unavailable()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => new OutageAnswers.Grpc().UnaryServerHandler<string, string>(
            "request", null!, async (_, _) => await ReadFromADatabaseThatIsDownAsync()));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Equal(OutageAnswers.Title, error.Status.Detail);
    }

    private static async Task<string> ReadFromADatabaseThatIsDownAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Timeout=3");
        await using var connection = await dataSource.OpenConnectionAsync();
        return "unreachable";
    }

    private static async Task<WebApplication> ServingAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddProblemDetails().AddExceptionHandler<OutageAnswers.Rest>();
        var app = builder.Build();
        app.UseExceptionHandler();
        map(app);
        await app.StartAsync();
        return app;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Problem(int Status, string Title);
}
