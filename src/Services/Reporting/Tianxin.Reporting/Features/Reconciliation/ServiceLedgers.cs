using System.Globalization;
using Grpc.Net.Client;
using Tianxin.Protos.Common.V1;

namespace Tianxin.Reporting.Features.Reconciliation;

public sealed record LedgerSum(string Programme, long Payees, decimal Recorded, long SettledPayees, decimal Settled);

/// <summary>Asks a paying service for its ledger's sums over gRPC, with the caller's token (the service authorises the district officer itself).</summary>
public sealed class ServiceLedgers(IHttpClientFactory clients)
{
    public const string Client = "ledgers";

    public async Task<IReadOnlyList<LedgerSum>> OfAsync(string service, int year, CancellationToken cancellationToken)
    {
        // Service discovery resolves the service's "grpc" endpoint; the named client forwards the caller's token.
        using var channel = GrpcChannel.ForAddress($"http://_grpc.{service}", new GrpcChannelOptions { HttpClient = clients.CreateClient(Client), DisposeHttpClient = true });
        var figures = await new LedgerService.LedgerServiceClient(channel)
            .GetLedgerFiguresAsync(new GetLedgerFiguresRequest { Year = year }, cancellationToken: cancellationToken);
        return [.. figures.Programmes.Select(p => new LedgerSum(p.Programme, p.Payees, Money(p.Recorded), p.SettledPayees, Money(p.Settled)))];
    }

    private static decimal Money(string yuan) => decimal.Parse(yuan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
