using System.Diagnostics;
using System.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Tianxin.BuildingBlocks.Audit;
using Tianxin.BuildingBlocks.Messaging;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.BuildingBlocks.Persistence;
using Tianxin.BuildingBlocks.Security;
using Tianxin.BuildingBlocks.Web;

namespace Tianxin.BuildingBlocks.Hosting;

/// <summary>Everything a domain service shares, so that its Program.cs only names what is its own.</summary>
public static class PlatformServiceExtensions
{
    public static WebApplicationBuilder AddPlatformService(this WebApplicationBuilder builder, PlatformService service,
        Action<MessagingBuilder>? messaging = null)
    {
        builder.AddServiceDefaults();
        // Statements run often are prepared on each connection: planning a query over the services' views
        // costs more than running it. No session state is left on pooled connections (LISTEN and advisory
        // locks use connections of their own), so the reset round trip on every reuse is skipped.
        builder.AddNpgsqlDataSource(service.DatabaseConnectionName, configureDataSourceBuilder: dataSource =>
        {
            dataSource.ConnectionStringBuilder.MaxAutoPrepare = 100;
            dataSource.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
            dataSource.ConnectionStringBuilder.NoResetOnClose = true;
            // A database that has not taken a connection in 5 s is away: the caller is told to retry (503) instead of
            // waiting out Npgsql's 15 s, longer than the gateway's callers wait.
            dataSource.ConnectionStringBuilder.Timeout = 5;
            // A statement is traced only as part of work already traced (a request, a consumed message, a relay's
            // batch): background polls that find nothing would otherwise each start a trace of their own.
            dataSource.ConfigureTracing(tracing => tracing
                .ConfigureCommandFilter(_ => Activity.Current is not null)
                .ConfigureBatchFilter(_ => Activity.Current is not null)
                .EnablePhysicalOpenTracing(false));
        });
        builder.AddMessaging(service.Name, messaging);
        builder.AddPlatformSecurity(audience: service.Name);
        builder.Services.AddSingleton(service);
        // Shared tables first; building blocks a service opts into (AddFunding, AddEligibilityCopy) add theirs.
        builder.Services.AddSingleton(MigrationScripts.Messaging).AddSingleton(MigrationScripts.Audit);
        builder.Services.AddSingleton<ServiceInfoSource>();
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddGrpcDefaults();
        builder.Services.Configure<GrpcServiceOptions>(grpc => grpc.Interceptors.Add<OutageAnswers.Grpc>());
        builder.Services.AddValidation();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>().AddExceptionHandler<OutageAnswers.Rest>();
        builder.Services.AddTrustedProxies(builder.Configuration);
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            // Front-end teams call services through the gateway, so the document names the gateway prefix.
            document.Servers = [new OpenApiServer { Url = service.GatewayPrefix, Description = "Tianxin gateway" }];
            document.Info.Title = service.DisplayName;
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapPlatformService(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Outside the audit, which records the refusal as the HTTP status it was before it becomes a gRPC answer.
        app.UseMiddleware<GrpcRefusals>();
        app.UseMiddleware<AuditRefusals>();
        app.UsePlatformSecurity();
        app.MapDefaultEndpoints();
        app.MapGrpcDefaults();
        // The API's shape is public (front-end teams read it from the gateway's /docs); its data is not.
        app.MapOpenApi().AllowAnonymous();
        app.MapMessagingAdminApi();
        app.MapAuditApi();
        if (app.Services.GetService<IServiceProviderIsService>()?.IsService(typeof(KeyRotation)) == true)
        {
            app.MapKeyRotationApi();
        }
        app.MapGet("/info", (ServiceInfoSource info) => TypedResults.Ok(info.Describe()))
            .WithTags("Service").WithSummary("Which service and build answered");
        return app;
    }

    /// <summary>
    /// Brings the service's database up to date (shared scripts, then its own Data/Migrations, under an
    /// advisory lock so replicas wait for each other), then serves. Nothing starts before its tables exist.
    /// </summary>
    public static async Task RunPlatformServiceAsync(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<PlatformService>();
        var connectionString = app.Configuration.GetConnectionString(service.DatabaseConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{service.DatabaseConnectionName}' is not configured.");
        var own = new MigrationScripts(Assembly.GetEntryAssembly()!, service.MigrationPrefix);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        await DatabaseMigrator.MigrateWithRetryAsync(connectionString, [.. app.Services.GetServices<MigrationScripts>(), own], logger);
        logger.LogInformation("Database of {Service} is up to date", service.Name);
        await app.RunAsync();
    }
}
