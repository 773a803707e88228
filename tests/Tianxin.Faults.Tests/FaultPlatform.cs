using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Tianxin.Faults.Tests;

/// <summary>
/// The whole platform from its AppHost, without demo data, its PostgreSQL and RabbitMQ keeping their data in a folder of
/// its own so that they survive being killed, and the means to break it. Starting a killed process again is what an
/// orchestrator does (systemd, Kubernetes); everything after that is the platform's own recovery.
/// </summary>
public sealed class FaultPlatform : IAsyncDisposable
{
    public static readonly string[] Services = ["registry", "rehabilitation", "employment", "relief", "grievance", "reporting"];
    public static readonly TimeSpan BackendTimeout = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private readonly DirectoryInfo _data;

    private FaultPlatform(DistributedApplication app, DirectoryInfo data)
    {
        App = app;
        _data = data;
    }

    public DistributedApplication App { get; }

    public Uri Gateway => App.GetEndpoint("gateway", "http");

    public static async Task<FaultPlatform> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("tianxin-faults-");
        // PostgreSQL runs as its own user when the tests run as root: it must pass through this folder.
        if (!OperatingSystem.IsWindows())
        {
            data.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        }
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Tianxin_AppHost>(
            ["--Infrastructure=executables", "--Tianxin:Data=persistent", $"--Tianxin:DataDirectory={data.FullName}", "--environment=Development"],
            (app, _) => app.DisableDashboard = true);
        Configure(builder, "registry", "Registry__DemoData__Persons", "0");
        Configure(builder, "rehabilitation", "Rehabilitation__DemoData__Applications", "0");
        Configure(builder, "relief", "Relief__DemoData__ClosedRuns", "0");
        Configure(builder, "employment", "Employment__DemoData__Enabled", "false");
        Configure(builder, "grievance", "Grievance__DemoData__Enabled", "false");
        // The load comes from one address at a rate no real client has: only the per-client limit applies.
        Configure(builder, "gateway", "Gateway__RequestsPerAddressPerSecond", "0");
        // Aspire's local proxy in front of each service can keep a connection to a killed service open: the gateway
        // then waits for its backend timeout, which must end before its callers' own timeouts do.
        Configure(builder, "gateway", "Gateway__BackendTimeout", BackendTimeout.ToString());

        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        foreach (var resource in Services.Append("gateway").Append("identity"))
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }
        return new FaultPlatform(app, data);
    }

    /// <summary>The gateway, signed in as the district administrator.</summary>
    public async Task<HttpClient> DistrictAdministratorAsync(TimeSpan timeout)
    {
        var client = new HttpClient { BaseAddress = Gateway, Timeout = timeout };
        using var answer = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["client_id"] = "tianxin-cli", ["username"] = "district-admin",
            ["password"] = "Tianxin@2026", ["scope"] = "openid " + string.Join(" ", Services),
        }));
        answer.EnsureSuccessStatusCode();
        var token = (await answer.Content.ReadFromJsonAsync<TokenAnswer>())!.AccessToken;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> ConnectionStringAsync(string service) =>
        (await App.GetConnectionStringAsync(service + "-db"))!;

    /// <summary>kill -9 of the resource's process and everything it started: no shutdown, no goodbye.</summary>
    public void Kill(string resource)
    {
        var pid = App.ResourceNotifications.TryGetCurrentState(resource, out var current)
            ? current.Snapshot.Properties.FirstOrDefault(p => p.Name.EndsWith(".pid", StringComparison.Ordinal))?.Value
            : null;
        using var process = Process.GetProcessById(Convert.ToInt32(pid ?? throw new InvalidOperationException($"{resource} has no process id"),
            System.Globalization.CultureInfo.InvariantCulture));
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>
    /// The orchestrator's part: start the resource again and wait until it is healthy, trying again when a start fails
    /// (as systemd's Restart=on-failure does: a server just stopped can still hold its port or files for a moment).
    /// </summary>
    /// <returns>How many starts it took.</returns>
    public async Task<int> StartAgainAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        for (var attempt = 1; ; attempt++)
        {
            await App.ResourceNotifications.WaitForResourceAsync(resource, state => state.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart",
                timeout.Token);
            var started = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, timeout.Token);
            Assert.True(started.Success, $"{resource} did not start again: {started.Message}");
            try
            {
                await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
                return attempt;
            }
            catch (DistributedApplicationException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
            }
        }
    }

    /// <summary>A clean stop (fast shutdown: running transactions roll back), as an operator or a package upgrade does.</summary>
    public async Task StopAsync(string resource)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var stopped = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, timeout.Token);
        Assert.True(stopped.Success, $"{resource} did not stop: {stopped.Message}");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _data.Delete(recursive: true);
    }

    private static void Configure(IDistributedApplicationTestingBuilder builder, string resource, string name, string value) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == resource)).WithEnvironment(name, value);

    private sealed record TokenAnswer([property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken);
}
