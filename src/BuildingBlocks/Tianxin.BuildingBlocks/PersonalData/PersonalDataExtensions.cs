using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Tianxin.BuildingBlocks.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>The protector for services that store personal data; its keys come from configuration ("PersonalData").</summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PersonalDataOptions>().Bind(builder.Configuration.GetSection(PersonalDataOptions.Section));
        builder.Services.AddSingleton<PersonalDataProtector>();
        return builder;
    }
}
