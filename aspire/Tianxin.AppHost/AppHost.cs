using System.Security.Cryptography;
using Tianxin.AppHost;
using Tianxin.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var storage = DataStorage.From(builder);
var infrastructure = PlatformInfrastructure.Add(builder, InfrastructureModeSelector.Select(builder), storage);
// Shared by services and the dashboard's operator commands; set Tianxin:OpsKey to keep one across runs.
var opsKey = builder.Configuration["Tianxin:OpsKey"] ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

var migrator = builder.AddProject<Projects.Tianxin_Migrator>("migrator")
    .WaitFor(infrastructure.Postgres);

var gateway = builder.AddProject<Projects.Tianxin_Gateway>("gateway")
    .WithHttpHealthCheck("/health", endpointName: "http");
// Tokens name the gateway's public address as their issuer: that is where callers get them.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");
gateway.WithEnvironment("Identity__Issuer", issuer);

var identityDb = infrastructure.Database("identity");
migrator.WithReference(identityDb);
var identity = builder.AddProject<Projects.Tianxin_Identity>("identity")
    .WithReference(identityDb)
    .WaitFor(infrastructure.Postgres)
    .WaitForCompletion(migrator)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithHttpHealthCheck("/health", endpointName: "http");
gateway.WithReference(identity);

var services = new ServiceWiring(builder, infrastructure, migrator, gateway, opsKey, issuer);
PersonalDataKeys.ApplyTo(services.Add<Projects.Tianxin_Registry>("registry"), builder, storage);
services.Add<Projects.Tianxin_Rehabilitation>("rehabilitation");
services.Add<Projects.Tianxin_Employment>("employment");
services.Add<Projects.Tianxin_Relief>("relief");
services.Add<Projects.Tianxin_Grievance>("grievance");

builder.Build().Run();
