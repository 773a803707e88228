using System.Net;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Grpc.Core;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// Every REST endpoint a service describes and every gRPC method it declares refuses a caller without
/// a token. New endpoints are covered as soon as they exist: forgetting a policy fails this test.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class AuthorizationMatrixTests(PlatformFixture platform)
{
    private static readonly Dictionary<string, ServiceDescriptor> GrpcServices = new()
    {
        ["registry"] = Protos.Registry.V1.RegistryService.Descriptor,
        ["rehabilitation"] = Protos.Rehabilitation.V1.RehabilitationService.Descriptor,
        ["employment"] = Protos.Employment.V1.EmploymentService.Descriptor,
        ["relief"] = Protos.Relief.V1.ReliefService.Descriptor,
        ["grievance"] = Protos.Grievance.V1.GrievanceService.Descriptor,
        ["reporting"] = Protos.Reporting.V1.ReportingService.Descriptor,
    };

    [Theory]
    [MemberData(nameof(PlatformTests.Services), MemberType = typeof(PlatformTests))]
    public async Task Every_described_rest_endpoint_refuses_an_anonymous_caller(string service)
    {
        using var document = JsonDocument.Parse(await platform.Anonymous.GetStringAsync($"/api/{service}/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Method: operation.Name.ToUpperInvariant(), Path: path.Name)))
            .ToList();

        Assert.NotEmpty(operations);
        foreach (var (method, path) in operations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/{service}{path}");
            using var response = await platform.Anonymous.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} /api/{service}{path} answered {(int)response.StatusCode}");
        }
    }

    /// <summary>An auditor reads the audit trail and an operator runs the platform: neither searches or exports persons in bulk.</summary>
    [Theory]
    [InlineData("auditor", "/api/registry/persons?name=张三丰", HttpStatusCode.Forbidden)]
    [InlineData("auditor", "/api/registry/persons/export?name=张三丰", HttpStatusCode.Forbidden)]
    [InlineData("operator", "/api/registry/persons?name=张三丰", HttpStatusCode.Forbidden)]
    [InlineData("operator", "/api/registry/persons/export?name=张三丰", HttpStatusCode.Forbidden)]
    [InlineData("district-officer", "/api/registry/persons?name=张三丰", HttpStatusCode.OK)]
    [InlineData("yunan-staff", "/api/registry/persons/export?name=张三丰", HttpStatusCode.OK)]
    public async Task Bulk_reads_of_persons_are_for_staff_who_work_with_residents(string user, string path, HttpStatusCode expected)
    {
        using var client = await platform.StaffAsync(user);

        using var response = await client.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(PlatformTests.Services), MemberType = typeof(PlatformTests))]
    public async Task Every_declared_grpc_method_refuses_an_anonymous_caller(string service)
    {
        var invoker = platform.GatewayGrpc.CreateCallInvoker();
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);

        foreach (var method in GrpcServices[service].Methods)
        {
            var call = invoker.AsyncUnaryCall(new Method<byte[], byte[]>(MethodType.Unary, GrpcServices[service].FullName, method.Name, bytes, bytes),
                null, new CallOptions(), []);
            var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);
            Assert.True(error.StatusCode == StatusCode.Unauthenticated, $"{GrpcServices[service].FullName}/{method.Name} answered {error.StatusCode}");
        }
    }
}
