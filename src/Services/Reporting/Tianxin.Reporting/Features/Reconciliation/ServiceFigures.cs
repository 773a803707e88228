using System.Globalization;
using Grpc.Net.Client;
using Tianxin.Protos.Common.V1;
using Tianxin.Protos.Grievance.V1;
using Tianxin.Protos.Rehabilitation.V1;

namespace Tianxin.Reporting.Features.Reconciliation;

public sealed record LedgerSum(string Programme, long Payees, decimal Recorded, long SettledPayees, decimal Settled);

/// <summary>
/// Asks a service for its own figures over gRPC, with the caller's token (the service authorises the district officer itself):
/// a paying service's ledger sums, rehabilitation's programme figures, grievance's tallies.
/// </summary>
public sealed class ServiceFigures(IHttpClientFactory clients)
{
    public const string Client = "service-figures";

    public async Task<IReadOnlyList<LedgerSum>> LedgerOfAsync(string service, int year, CancellationToken cancellationToken)
    {
        using var channel = ChannelTo(service);
        var figures = await new LedgerService.LedgerServiceClient(channel)
            .GetLedgerFiguresAsync(new GetLedgerFiguresRequest { Year = year }, cancellationToken: cancellationToken);
        return [.. figures.Programmes.Select(p => new LedgerSum(p.Programme, p.Payees, Money(p.Recorded), p.SettledPayees, Money(p.Settled)))];
    }

    public async Task<IReadOnlyList<ProgrammeFigures>> RehabilitationOfAsync(int year, CancellationToken cancellationToken)
    {
        using var channel = ChannelTo("rehabilitation");
        var figures = await new RehabilitationService.RehabilitationServiceClient(channel)
            .GetProgrammeFiguresAsync(new GetProgrammeFiguresRequest { Year = year }, cancellationToken: cancellationToken);
        return figures.Programmes;
    }

    public async Task<IReadOnlyList<GrievanceTally>> GrievanceOfAsync(int year, CancellationToken cancellationToken)
    {
        using var channel = ChannelTo("grievance");
        var tallies = await new GrievanceService.GrievanceServiceClient(channel)
            .GetGrievanceTalliesAsync(new GetGrievanceTalliesRequest { Year = year }, cancellationToken: cancellationToken);
        return tallies.Tallies;
    }

    public static decimal Money(string yuan) => decimal.Parse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // Service discovery resolves the service's "grpc" endpoint; the named client forwards the caller's token.
    private GrpcChannel ChannelTo(string service) =>
        GrpcChannel.ForAddress($"http://_grpc.{service}", new GrpcChannelOptions { HttpClient = clients.CreateClient(Client), DisposeHttpClient = true });
}
