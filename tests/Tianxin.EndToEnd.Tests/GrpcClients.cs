using Grpc.Net.Client;
using Tianxin.Protos.Common.V1;

namespace Tianxin.EndToEnd.Tests;

/// <summary>The generated client of each service, called the way a partner agency would.</summary>
public static class GrpcClients
{
    public static async Task<ServiceInfo> GetServiceInfoAsync(GrpcChannel channel, string service, string? token)
    {
        var request = new GetServiceInfoRequest();
        var headers = token is null ? null : new Grpc.Core.Metadata { { "Authorization", "Bearer " + token } };
        return service switch
        {
            "registry" => await new Protos.Registry.V1.RegistryService.RegistryServiceClient(channel).GetServiceInfoAsync(request, headers),
            "rehabilitation" => await new Protos.Rehabilitation.V1.RehabilitationService.RehabilitationServiceClient(channel).GetServiceInfoAsync(request, headers),
            "employment" => await new Protos.Employment.V1.EmploymentService.EmploymentServiceClient(channel).GetServiceInfoAsync(request, headers),
            "relief" => await new Protos.Relief.V1.ReliefService.ReliefServiceClient(channel).GetServiceInfoAsync(request, headers),
            "grievance" => await new Protos.Grievance.V1.GrievanceService.GrievanceServiceClient(channel).GetServiceInfoAsync(request, headers),
            "reporting" => await new Protos.Reporting.V1.ReportingService.ReportingServiceClient(channel).GetServiceInfoAsync(request, headers),
            _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
        };
    }
}
