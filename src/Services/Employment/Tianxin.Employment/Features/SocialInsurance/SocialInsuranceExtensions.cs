namespace Tianxin.Employment.Features.SocialInsurance;

/// <summary>The HR bureau reports social insurance over gRPC only; staff read it in the figures.</summary>
public static class SocialInsuranceExtensions
{
    public static IServiceCollection AddSocialInsurance(this IServiceCollection services) => services.AddSingleton<RecordSocialInsurance>();
}
