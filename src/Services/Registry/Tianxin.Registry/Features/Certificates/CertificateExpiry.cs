using Microsoft.Extensions.Options;
using Tianxin.BuildingBlocks.Hosting;

namespace Tianxin.Registry.Features.Certificates;

public sealed class CertificateExpiryOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Expires certificates past their validity, each with its event.</summary>
public sealed class CertificateExpiry(CertificateRegistrar registrar, IOptions<CertificateExpiryOptions> options, ILogger<CertificateExpiry> logger)
    : PeriodicJob(logger)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task<int> RunOnceAsync(CancellationToken cancellationToken) => registrar.ExpireDueAsync(cancellationToken);
}
