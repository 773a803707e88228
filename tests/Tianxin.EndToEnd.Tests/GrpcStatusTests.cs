using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Aspire.Hosting.Testing;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Tianxin.Protos.Reporting.V1;
using Tianxin.Protos.Registry.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>
/// A partner's faulty call through the gateway gets the status that names its fault: a body that is not the
/// method's message is INVALID_ARGUMENT, one over the size limit RESOURCE_EXHAUSTED, and the caller's deadline
/// reaches the service, which gives up its work there.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GrpcStatusTests(PlatformFixture platform)
{
    // Field 1, length-delimited, with a length varint that never ends: no protobuf parser can read it.
    private static readonly byte[] NotProtobuf = [0x0A, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    private static readonly Marshaller<byte[]> Bytes = Marshallers.Create(bytes => bytes, bytes => bytes);

    [Theory]
    [MemberData(nameof(PlatformTests.Services), MemberType = typeof(PlatformTests))]
    public async Task A_body_that_is_not_the_methods_protobuf_message_is_invalid_argument(string service)
    {
        var method = new Method<byte[], byte[]>(MethodType.Unary, ProtoService(service).FullName, "GetServiceInfo", Bytes, Bytes);

        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await platform.GatewayGrpc.CreateCallInvoker().AsyncUnaryCall(method, null, Authorized(), NotProtobuf));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("protobuf", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_is_resource_exhausted()
    {
        var registry = new RegistryService.RegistryServiceClient(platform.GatewayGrpc);
        var tooLarge = new RegisterPersonRequest { Name = new string('张', 2 * 1024 * 1024) }; // 6 MB in UTF-8, over the 4 MB limit

        var error = await Assert.ThrowsAsync<RpcException>(async () => await registry.RegisterPersonAsync(tooLarge, Authorized()));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task A_deadline_the_caller_sets_ends_the_services_work_and_the_service_says_so()
    {
        // Sent by hand, with no client enforcing the deadline: only the service can answer DEADLINE_EXCEEDED.
        var path = $"/{ReportingService.Descriptor.FullName}/{nameof(ReportingService.ReportingServiceClient.GetYearEndReport)}";
        var drafted = await CallByHandAsync(path, new GetYearEndReportRequest { Year = 2019 }.ToByteArray(), timeout: null);
        var cut = await CallByHandAsync(path, new GetYearEndReportRequest { Year = 2019 }.ToByteArray(), timeout: "1m");

        Assert.Equal(((int)StatusCode.OK).ToString(), drafted);
        Assert.Equal(((int)StatusCode.DeadlineExceeded).ToString(), cut);
    }

    private CallOptions Authorized() =>
        new(new Metadata { { "Authorization", "Bearer " + platform.DistrictAdminToken } }, deadline: DateTime.UtcNow.AddSeconds(30));

    private async Task<string?> CallByHandAsync(string path, byte[] message, string? timeout)
    {
        var frame = new byte[5 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1, 4), (uint)message.Length);
        message.CopyTo(frame, 5);
        using var client = new HttpClient { BaseAddress = platform.App.GetEndpoint("gateway", "grpc") };
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(frame) { Headers = { ContentType = new MediaTypeHeaderValue("application/grpc") } },
            Headers = { Authorization = Tokens.Bearer(platform.DistrictAdminToken), TE = { new TransferCodingWithQualityHeaderValue("trailers") } },
        };
        if (timeout is not null)
        {
            request.Headers.Add("grpc-timeout", timeout);
        }

        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        // A call that fails before any message puts its status in the headers ("trailers-only").
        return response.TrailingHeaders.TryGetValues("grpc-status", out var trailed) ? trailed.Single()
            : response.Headers.TryGetValues("grpc-status", out var headed) ? headed.Single() : null;
    }

    private static ServiceDescriptor ProtoService(string service) => service switch
    {
        "registry" => RegistryService.Descriptor,
        "rehabilitation" => Protos.Rehabilitation.V1.RehabilitationService.Descriptor,
        "employment" => Protos.Employment.V1.EmploymentService.Descriptor,
        "relief" => Protos.Relief.V1.ReliefService.Descriptor,
        "grievance" => Protos.Grievance.V1.GrievanceService.Descriptor,
        "reporting" => ReportingService.Descriptor,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };
}
