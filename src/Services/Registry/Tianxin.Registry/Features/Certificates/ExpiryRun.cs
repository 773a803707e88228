namespace Tianxin.Registry.Features.Certificates;

/// <param name="Expired">How many certificates past their validity were ended by the run.</param>
public sealed record ExpiryRun(int Expired);
