using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tianxin.Identity.Features.Demo;

/// <summary>Creates the demo staff, partner clients and scopes once, in Development only; later runs change nothing.</summary>
public sealed partial class DemoDirectorySeeder(IServiceProvider services, ILogger<DemoDirectorySeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        await SeedScopesAsync(provider, provider.GetRequiredService<IOpenIddictScopeManager>(), cancellationToken);
        await SeedClientsAsync(provider.GetRequiredService<StaffScopes>(), provider.GetRequiredService<IOpenIddictApplicationManager>(), cancellationToken);
        await SeedStaffAsync(provider.GetRequiredService<UserManager<StaffUser>>());
        LogSeeded(logger, DemoDirectory.Staff.Count, DemoDirectory.Partners.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task SeedScopesAsync(IServiceProvider provider, IOpenIddictScopeManager scopes, CancellationToken cancellationToken)
    {
        foreach (var name in provider.GetRequiredService<StaffScopes>().Services.Concat(PlatformScopes.Partner))
        {
            if (await scopes.FindByNameAsync(name, cancellationToken) is null)
            {
                await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = name, Resources = { PlatformScopes.AudienceOf(name) } }, cancellationToken);
            }
        }
    }

    private static async Task SeedClientsAsync(StaffScopes staffScopes, IOpenIddictApplicationManager applications, CancellationToken cancellationToken)
    {
        var staffPermissions = staffScopes.Services.Select(s => Permissions.Prefixes.Scope + s).ToList();
        await CreateAsync(applications, new OpenIddictApplicationDescriptor
        {
            ClientId = DemoDirectory.ConsoleClientId,
            DisplayName = "工作人员控制台 Staff console",
            ClientType = ClientTypes.Public,
            RedirectUris = { new Uri("http://localhost:5173/callback") },
            PostLogoutRedirectUris = { new Uri("http://localhost:5173/") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        }, staffPermissions, cancellationToken);
        await CreateAsync(applications, new OpenIddictApplicationDescriptor
        {
            ClientId = DemoDirectory.CliClientId,
            DisplayName = "开发命令行 Development command line",
            ClientType = ClientTypes.Public,
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.Password },
        }, staffPermissions, cancellationToken);
        foreach (var partner in DemoDirectory.Partners)
        {
            await CreateAsync(applications, new OpenIddictApplicationDescriptor
            {
                ClientId = partner.ClientId,
                ClientSecret = partner.Secret, // stored hashed by OpenIddict
                DisplayName = partner.DisplayName,
                ClientType = ClientTypes.Confidential,
                Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
            }, partner.Scopes.Select(s => Permissions.Prefixes.Scope + s), cancellationToken);
        }
    }

    private static async Task CreateAsync(IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor,
        IEnumerable<string> scopePermissions, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(descriptor.ClientId!, cancellationToken) is not null)
        {
            return;
        }
        descriptor.Permissions.UnionWith(scopePermissions);
        await applications.CreateAsync(descriptor, cancellationToken);
    }

    private static async Task SeedStaffAsync(UserManager<StaffUser> users)
    {
        foreach (var staff in DemoDirectory.Staff)
        {
            if (await users.FindByNameAsync(staff.UserName) is not null)
            {
                continue;
            }
            var user = new StaffUser { UserName = staff.UserName, DisplayName = staff.DisplayName, LockoutEnabled = true };
            Check(await users.CreateAsync(user, DemoDirectory.StaffPassword));
            Check(await users.AddClaimsAsync(user,
                [new Claim(PlatformClaims.Role, staff.Role), new Claim(PlatformClaims.Area, staff.Area)]));
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(LogLevel.Information, "Demo directory ready: {Staff} staff, {Partners} partner clients")]
    private static partial void LogSeeded(ILogger logger, int staff, int partners);
}
