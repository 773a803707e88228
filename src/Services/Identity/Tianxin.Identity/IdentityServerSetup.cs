using Tianxin.BuildingBlocks.Persistence;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using Tianxin.BuildingBlocks.Security;
using Tianxin.Identity.Data;
using Tianxin.Identity.Features.Demo;
using Tianxin.Identity.Features.SignIn;
using Tianxin.Identity.Features.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tianxin.Identity;

public static class IdentityServerSetup
{
    public static WebApplicationBuilder AddIdentityServer(this WebApplicationBuilder builder)
    {
        var issuer = builder.Configuration[SecurityExtensions.IssuerSetting]
            ?? throw new InvalidOperationException($"{SecurityExtensions.IssuerSetting} (the platform's public URL) is not configured.");
        var development = builder.Environment.IsDevelopment();
        var staffScopes = StaffScopes.From(builder.Configuration);
        builder.Services.AddSingleton(staffScopes);

        builder.AddNpgsqlDbContext<IdentityDb>("identity-db");
        builder.Services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.Password.RequiredLength = 10;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IdentityDb>()
            .AddDefaultTokenProviders();
        builder.Services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = SignInPage.Path;
            cookie.Cookie.Name = "tianxin.signin";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDb>())
            .AddServer(server =>
            {
                server.SetIssuer(new Uri(issuer));
                server.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                server.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow();
                if (development)
                {
                    // Only so that ./tianxin token USER can print a staff token without a browser.
                    server.AllowPasswordFlow();
                }
                server.RegisterScopes([Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess,
                    .. staffScopes.Services, .. PlatformScopes.Partner]);
                server.SetAccessTokenLifetime(TokenLifetimes.Staff);
                // Services validate signed JWTs with the public keys of the discovery document.
                server.DisableAccessTokenEncryption();
                AddKeys(server, builder.Configuration, development);
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the ingress in front of the gateway; inside, and locally, traffic is plain HTTP.
                    .DisableTransportSecurityRequirement();
            });

        builder.Services.AddScoped<TokenIdentities>();
        builder.Services.AddAuthorization();
        builder.Services.AddAntiforgery();
        if (development)
        {
            builder.Services.AddHostedService<DemoDirectorySeeder>();
        }
        return builder;
    }

    public static WebApplication MapIdentityServer(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapDefaultEndpoints();
        app.MapSignInPage();
        app.MapAuthorizationEndpoints();
        return app;
    }

    /// <summary>
    /// Signing and encryption keys survive restarts: configured RSA keys (PEM) in production; in
    /// development, OpenIddict's development certificates, kept in the user's certificate store.
    /// </summary>
    private static void AddKeys(OpenIddictServerBuilder server, IConfiguration configuration, bool development)
    {
        var signing = configuration["Identity:SigningKeyPem"];
        var encryption = configuration["Identity:EncryptionKeyPem"];
        if (!string.IsNullOrWhiteSpace(signing) && !string.IsNullOrWhiteSpace(encryption))
        {
            server.AddSigningKey(RsaKey(signing)).AddEncryptionKey(RsaKey(encryption));
            return;
        }
        if (!development)
        {
            throw new InvalidOperationException("Identity:SigningKeyPem and Identity:EncryptionKeyPem must be configured outside Development.");
        }
        server.AddDevelopmentSigningCertificate().AddDevelopmentEncryptionCertificate();
    }

    private static RsaSecurityKey RsaKey(string pem)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(pem);
        return new RsaSecurityKey(rsa);
    }

    /// <summary>The identity database from its versioned scripts (Data/Migrations), before the server takes requests.</summary>
    public static Task MigrateIdentityDatabaseAsync(this WebApplication app) =>
        DatabaseMigrator.MigrateWithRetryAsync(
            app.Configuration.GetConnectionString("identity-db") ?? throw new InvalidOperationException("Connection string 'identity-db' is not configured."),
            [new MigrationScripts(typeof(IdentityDb).Assembly, "identity.")],
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator)));
}

public static class TokenLifetimes
{
    public static readonly TimeSpan Staff = TimeSpan.FromMinutes(30);
    /// <summary>Machine credentials ask again often: a leaked partner token is useful only briefly (Identity:PartnerTokenLifetime).</summary>
    public static readonly TimeSpan Partner = TimeSpan.FromMinutes(10);
}
