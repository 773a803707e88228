using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Grpc.Net.Client;
using Npgsql;
using Tianxin.EndToEnd.Tests.Otlp;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// The whole platform from its AppHost, on throwaway data with the Debian PostgreSQL and RabbitMQ, the
/// dashboard off and every process exporting telemetry to <see cref="Otlp"/>.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    /// <summary>
    /// The domain services as the AppHost wires them, one <c>services.Add&lt;…&gt;("name")</c> line each, read from its
    /// source so that theories can name them before the platform starts; a test checks them against the running model.
    /// </summary>
    public static IReadOnlyList<string> Services { get; } = WiredServices();

    private static IReadOnlyList<string> WiredServices()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Tianxin.Platform.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("Tianxin.Platform.sln not found above the test's folder.");
        }
        var appHost = File.ReadAllText(Path.Combine(directory.FullName, "aspire", "Tianxin.AppHost", "AppHost.cs"));
        return [.. System.Text.RegularExpressions.Regex.Matches(appHost, @"services\.Add<[^>]+>\(""([a-z]+)""\)").Select(match => match.Groups[1].Value)];
    }

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    public const int TokenRequestsPerMinute = 40;
    public const int DemoPersons = 40;
    public const int DemoApplications = 15;
    public static readonly TimeSpan PartnerTokenLifetime = TimeSpan.FromSeconds(20);

    public DistributedApplication App { get; private set; } = null!;
    public OtlpReceiver Otlp { get; private set; } = null!;
    /// <summary>The gateway, called as the district administrator.</summary>
    public HttpClient Gateway { get; private set; } = null!;
    /// <summary>The gateway, called without a token.</summary>
    public HttpClient Anonymous { get; private set; } = null!;
    public GrpcChannel GatewayGrpc { get; private set; } = null!;
    public Tokens Tokens { get; private set; } = null!;
    public string DistrictAdminToken { get; private set; } = null!;
    /// <summary>The gateway, called as the platform's operator.</summary>
    public HttpClient Operator { get; private set; } = null!;
    /// <summary>When the platform had started and seeded its demo data, before any test called it.</summary>
    public DateTimeOffset TestsBegan { get; private set; }

    public async Task InitializeAsync()
    {
        Otlp = await OtlpReceiver.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Tianxin_AppHost>(
            ["--Infrastructure=executables", "--Tianxin:Data=ephemeral", "--environment=Development"],
            (app, _) => app.DisableDashboard = true);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Otlp.Url)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500");
        }
        // Short enough for a test to see a partner token expire.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "identity"))
            .WithEnvironment("Identity__PartnerTokenLifetime", PartnerTokenLifetime.ToString());
        // A small demo district, enough for every category, grade, status and special group.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "registry"))
            .WithEnvironment("Registry__DemoData__Persons", DemoPersons.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "rehabilitation"))
            .WithEnvironment("Rehabilitation__DemoData__Applications", DemoApplications.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Low enough for a test to reach it quickly.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway"))
            .WithEnvironment("Gateway__TokenRequestsPerMinute", TokenRequestsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture))
            // Every test calls from loopback: the per-address limit (tested on its own in the gateway's tests) would be theirs to share.
            .WithEnvironment("Gateway__RequestsPerAddressPerSecond", "0");

        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        foreach (var resource in Services.Append("gateway").Append("identity"))
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
        }

        Anonymous = new HttpClient { BaseAddress = App.GetEndpoint("gateway", "http") };
        Tokens = new Tokens(Anonymous);
        DistrictAdminToken = await Tokens.ForStaffAsync("district-admin");
        Gateway = new HttpClient { BaseAddress = App.GetEndpoint("gateway", "http") };
        Gateway.DefaultRequestHeaders.Authorization = Tokens.Bearer(DistrictAdminToken);
        Operator = new HttpClient { BaseAddress = App.GetEndpoint("gateway", "http") };
        Operator.DefaultRequestHeaders.Authorization = Tokens.Bearer(await Tokens.ForStaffAsync("operator"));
        GatewayGrpc = GrpcChannel.ForAddress(App.GetEndpoint("gateway", "grpc"));
        // Signed in before any test runs, because the lockout test locks this account for fifteen minutes.
        await StaffTokenAsync("community-worker");
        await WaitForReliefDemoAsync(timeout.Token);
        await WaitForEmploymentDemoAsync(timeout.Token);
        TestsBegan = DateTimeOffset.UtcNow;
    }

    /// <summary>The employment demo's last step is this year's programmes: tests that count employment and quota figures wait for it.</summary>
    private async Task WaitForEmploymentDemoAsync(CancellationToken cancellationToken)
    {
        await using var employment = new NpgsqlConnection(await App.GetConnectionStringAsync("employment-db", cancellationToken));
        await employment.OpenAsync(cancellationToken);
        await Testing.Wait.UntilAsync(async () =>
        {
            await using var programmes = new NpgsqlCommand(
                "select count(*) from payment_programmes where updated_by = 'demo-data' and year = extract(year from now() at time zone 'Asia/Shanghai')",
                employment);
            return (long)(await programmes.ExecuteScalarAsync(cancellationToken))! == 9;
        }, StartTimeout, () => "The employment demo data never reached this year's programmes");
    }

    /// <summary>
    /// The relief demo's district-wide runs pay every enrolment's unpaid months back to its start: tests
    /// that pay their own months wait until this month's demo drafts of both subsidies exist.
    /// </summary>
    private async Task WaitForReliefDemoAsync(CancellationToken cancellationToken)
    {
        await using var relief = new NpgsqlConnection(await App.GetConnectionStringAsync("relief-db", cancellationToken));
        await relief.OpenAsync(cancellationToken);
        await Testing.Wait.UntilAsync(async () =>
        {
            await using var drafts = new NpgsqlCommand("select count(*) from payment_runs where created_by = 'demo-data' and state = 'draft'", relief);
            return (long)(await drafts.ExecuteScalarAsync(cancellationToken))! == 2;
        }, StartTimeout, () => "The relief demo data never reached this month's drafts");
    }

    /// <summary>A gateway client signed in as a demo staff member; tokens are reused so tests stay under the token rate limit.</summary>
    public async Task<HttpClient> StaffAsync(string user)
    {
        var token = await StaffTokenAsync(user);
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = Tokens.Bearer(token);
        return client;
    }

    public async Task<string> StaffTokenAsync(string user)
    {
        if (!_staffTokens.TryGetValue(user, out var token))
        {
            token = _staffTokens.GetOrAdd(user, await Tokens.ForStaffAsync(user));
        }
        return token;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _staffTokens = new();

    /// <summary>gRPC headers carrying a fresh token of the demo partner <paramref name="client"/>.</summary>
    public async Task<Grpc.Core.Metadata> PartnerHeadersAsync(string client) =>
        new() { { "Authorization", "Bearer " + await Tokens.ForPartnerAsync(client) } };

    public async Task DisposeAsync()
    {
        GatewayGrpc.Dispose();
        Gateway.Dispose();
        Anonymous.Dispose();
        Operator.Dispose();
        await App.DisposeAsync();
        await Otlp.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
