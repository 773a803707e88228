using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Aspire.Hosting.ApplicationModel;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Tianxin.Protos.Common.V1;
using Tianxin.Testing;

namespace Tianxin.EndToEnd.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformTests(PlatformFixture platform)
{
    [Fact]
    public void The_services_the_tests_name_are_the_domain_services_of_the_running_model()
    {
        var model = platform.App.Services.GetRequiredService<DistributedApplicationModel>();
        var annotated = model.Resources.Where(r => r.Annotations.OfType<AppHost.DomainServiceAnnotation>().Any()).Select(r => r.Name);

        Assert.Equal(PlatformFixture.Services.Order(), annotated.Order());
        Assert.Contains("registry", PlatformFixture.Services);
    }

    [Fact]
    public async Task Every_service_created_and_migrated_its_own_database_before_serving()
    {
        foreach (var service in PlatformFixture.Services.Append("identity"))
        {
            await using var database = new NpgsqlConnection(await platform.App.GetConnectionStringAsync($"{service}-db"));
            await database.OpenAsync();
            await using var journal = new NpgsqlCommand("select count(*) from schema_versions", database);
            Assert.True((long)(await journal.ExecuteScalarAsync())! > 0, $"{service} ran no migration");
        }
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_answers_rest_health_and_info_through_the_gateway(string service)
    {
        var health = await platform.Anonymous.GetFromJsonAsync<HealthAnswer>($"/api/{service}/health");
        var info = await platform.Gateway.GetFromJsonAsync<InfoAnswer>($"/api/{service}/info");

        Assert.Equal("Healthy", health!.Status);
        Assert.Equal(service, info!.Name);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_answers_grpc_through_the_gateway(string service)
    {
        var info = await GrpcClients.GetServiceInfoAsync(platform.GatewayGrpc, service, platform.DistrictAdminToken);

        Assert.Equal(service, info.Name);
        Assert.False(string.IsNullOrEmpty(info.DisplayName));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task Each_service_publishes_its_openapi_document_through_the_gateway(string service)
    {
        var document = await platform.Anonymous.GetStringAsync($"/api/{service}/openapi/v1.json");

        Assert.Contains($"\"url\": \"/api/{service}\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_reference_page_lists_every_service()
    {
        var page = await platform.Anonymous.GetStringAsync("/docs/");

        // Scalar resolves these against the site root: /api/<service>/openapi/v1.json.
        Assert.All(PlatformFixture.Services, service => Assert.Contains($"\"url\":\"api/{service}/openapi/v1.json\"", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_trace_spans_the_gateway_and_the_service()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/registry/info");
        request.Headers.Authorization = Tokens.Bearer(platform.DistrictAdminToken);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await platform.Anonymous.SendAsync(request);
        response.EnsureSuccessStatusCode();

        await Wait.UntilAsync(() => Task.FromResult(SpansOf(traceId).Select(s => s.Service).Distinct().Count() >= 2),
            TimeSpan.FromSeconds(30), () => "Spans of the trace: " + string.Join(", ", SpansOf(traceId).Select(s => $"{s.Service}:{s.Name}")));
        var spans = SpansOf(traceId);
        var gatewaySpanIds = spans.Where(s => s.Service == "gateway").Select(s => s.SpanId).ToHashSet();
        Assert.Contains(spans, s => s.Service == "registry" && gatewaySpanIds.Contains(s.ParentSpanId));
    }

    [Fact]
    public async Task A_request_the_service_refuses_is_an_answer_not_an_error_in_the_traces()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/persons") { Content = JsonContent.Create(new { name = "" }) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");

        using var response = await platform.Gateway.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The forwarded call and the service's handling of it (the trace may also hold a first token check's discovery calls).
        await Wait.UntilAsync(() => Task.FromResult(SpansOf(traceId).Any(s => (s.Service, s.Scope, s.Name) == ("gateway", "System.Net.Http", "POST"))
                                                    && SpansOf(traceId).Any(s => (s.Service, s.Scope) == ("registry", "Microsoft.AspNetCore") && s.Name.StartsWith("POST", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30), () => "Spans of the trace: " + string.Join(", ", SpansOf(traceId).Select(s => $"{s.Service}:{s.Name}")));
        Assert.DoesNotContain(SpansOf(traceId), s => s.Failed);
    }

    [Fact]
    public async Task Starting_the_platform_and_seeding_its_demo_logs_no_error_and_none_of_its_own_warnings()
    {
        // Logs leave each process in batches about a second apart.
        var exported = platform.TestsBegan.AddSeconds(5) - DateTimeOffset.UtcNow;
        if (exported > TimeSpan.Zero)
        {
            await Task.Delay(exported);
        }

        var startup = platform.Otlp.Logs.Where(log => log.At < platform.TestsBegan).ToList();
        var wrong = startup.Where(log => log.Severity >= 17 || (log.Severity >= 13 && log.Category.StartsWith("Tianxin.", StringComparison.Ordinal)))
            .Select(log => $"{log.Service} {log.Category}: {log.Body}").Distinct().ToList();

        Assert.Contains(startup, log => log.Body.Contains("Database of registry is up to date", StringComparison.Ordinal));
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_details_404()
    {
        using var response = await platform.Gateway.GetAsync("/api/nowhere/at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Malformed_json_is_a_problem_details_400_that_says_what_is_wrong()
    {
        using var body = new StringContent("{\"queue\": ", Encoding.UTF8, "application/json");
        using var response = await platform.Operator.PostAsync("/api/registry/admin/messaging/error-queues/replay", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemAnswer>();
        Assert.Contains("JSON", problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_content_type_is_a_problem_details_415()
    {
        using var body = new StringContent("queue=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await platform.Operator.PostAsync("/api/registry/admin/messaging/error-queues/replay", body);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_by_the_gateway_with_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/registry/admin/messaging/error-queues/replay")
        {
            Content = new ByteArrayContent(new byte[33 * 1024 * 1024]) { Headers = { ContentType = new("application/json") } },
        };
        // Without 100-continue the client would still be sending when the gateway answers and closes.
        request.Headers.ExpectContinue = true;
        using var response = await platform.Operator.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_grpc_method_is_unimplemented()
    {
        var call = platform.GatewayGrpc.CreateCallInvoker().AsyncUnaryCall(
            new Method<GetServiceInfoRequest, ServiceInfo>(MethodType.Unary, "tianxin.registry.v1.RegistryService", "NoSuchMethod",
                Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), GetServiceInfoRequest.Parser.ParseFrom),
                Marshallers.Create(r => Google.Protobuf.MessageExtensions.ToByteArray(r), ServiceInfo.Parser.ParseFrom)),
            null, new CallOptions(new Metadata { { "Authorization", "Bearer " + platform.DistrictAdminToken } }), new GetServiceInfoRequest());

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
        Assert.Equal(StatusCode.Unimplemented, error.StatusCode);
    }

    [Theory]
    [InlineData("registry", "persons", "id_number_cipher")]
    [InlineData("relief", "enrolments", "bank_account")]
    [InlineData("grievance", "grievance_cases", "complainant_name")]
    public async Task An_operator_sees_which_key_protects_the_stored_personal_data_and_nobody_else_does(string service, string table, string column)
    {
        using var asAdministrator = await platform.Gateway.GetAsync($"/api/{service}/admin/personal-data/keys");
        var keys = await platform.Operator.GetFromJsonAsync<KeysAnswer>($"/api/{service}/admin/personal-data/keys");

        Assert.Equal(HttpStatusCode.Forbidden, asAdministrator.StatusCode);
        var active = Assert.Single(keys!.Keys);
        Assert.Equal((keys.ActiveKeyId, true, true, false), (active.KeyId, active.Configured, active.Active, active.Retirable));
        var stored = keys.Columns.Single(c => (c.Table, c.Column) == (table, column));
        Assert.True(stored.ValuesByKey[keys.ActiveKeyId] > 0, $"the demo stores no {table}.{column}");
        Assert.Equal(keys.Columns.Sum(c => c.ValuesByKey.Values.Sum()), active.Values);
    }

    public static TheoryData<string> Services() => new(PlatformFixture.Services);

    private List<Otlp.ReceivedSpan> SpansOf(string traceId) => platform.Otlp.Spans.Where(s => s.TraceId == traceId).ToList();

    private sealed record HealthAnswer(string Status);

    private sealed record KeysAnswer(string ActiveKeyId, List<KeyAnswer> Keys, List<ColumnAnswer> Columns);

    private sealed record KeyAnswer(string KeyId, bool Configured, bool Active, long Values, bool Retirable);

    private sealed record ColumnAnswer(string Table, string Column, Dictionary<string, long> ValuesByKey);

    private sealed record InfoAnswer(string Name, string DisplayName);

    private sealed record ProblemAnswer(int Status, string Title, string Detail);
}
