using Microsoft.Extensions.Options;

namespace Tianxin.Registry.Features.Certificates;

public sealed class CertificateExpiryOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Expires certificates past their validity on a timer; several replicas are safe (rows are claimed with SKIP LOCKED).</summary>
public sealed class CertificateExpiry(CertificateRegistrar registrar, IOptions<CertificateExpiryOptions> options, ILogger<CertificateExpiry> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval);
        do
        {
            try
            {
                if (await registrar.ExpireDueAsync(stoppingToken) is > 0 and var expired)
                {
                    logger.LogInformation("Expired {Count} certificates past their validity", expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Expiring certificates failed; trying again at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
