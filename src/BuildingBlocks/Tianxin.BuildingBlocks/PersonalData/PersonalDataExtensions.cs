using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Tianxin.BuildingBlocks.Security;

namespace Tianxin.BuildingBlocks.PersonalData;

public static class PersonalDataExtensions
{
    /// <summary>
    /// The protector for services that store personal data, its keys from configuration ("PersonalData"), and the
    /// key rotation of the <paramref name="columns"/> it protects: every one of them, or an old key can never go.
    /// </summary>
    public static IHostApplicationBuilder AddPersonalDataProtection(this IHostApplicationBuilder builder, params EncryptedColumn[] columns)
    {
        builder.Services.AddOptions<PersonalDataOptions>().Bind(builder.Configuration.GetSection(PersonalDataOptions.Section));
        builder.Services.AddSingleton<PersonalDataProtector>();
        foreach (var column in columns)
        {
            builder.Services.AddSingleton(column);
        }
        builder.Services.AddSingleton<KeyRotation>().AddHostedService(services => services.GetRequiredService<KeyRotation>());
        return builder;
    }

    /// <summary>Operators follow a key rotation at /api/&lt;service&gt;/admin/personal-data/keys.</summary>
    public static IEndpointRouteBuilder MapKeyRotationApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/admin/personal-data/keys", async (KeyRotation rotation, CancellationToken cancellationToken) =>
                TypedResults.Ok(await rotation.ProgressAsync(cancellationToken)))
            .RequireAuthorization(PlatformPolicies.Operator)
            .WithTags("Operations")
            .WithSummary("How many stored personal values each encryption key protects; a key protecting none can be retired");
        return endpoints;
    }
}
