using System.Security.Cryptography;
using Tianxin.AppHost;
using Tianxin.AppHost.Infrastructure;

var builder = DistributedApplication.CreateBuilder(args);

var storage = DataStorage.From(builder);
var infrastructure = PlatformInfrastructure.Add(builder, InfrastructureModeSelector.Select(builder), storage);
// Shared by services and the dashboard's operator commands; set Tianxin:OpsKey to keep one across runs.
var opsKey = builder.Configuration["Tianxin:OpsKey"] ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

var gateway = builder.AddProject<Projects.Tianxin_Gateway>("gateway")
    .WithHttpHealthCheck("/health", endpointName: "http");
// Tokens name the gateway's public address as their issuer: that is where callers get them.
var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/");
gateway.WithEnvironment("Identity__Issuer", issuer);

// Each service (identity too) migrates its own database at start, under an advisory lock.
var identity = builder.AddProject<Projects.Tianxin_Identity>("identity")
    .WithReference(infrastructure.Database("identity"))
    .WaitFor(infrastructure.Postgres)
    .WithEnvironment("Identity__Issuer", issuer)
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
    .WithHttpHealthCheck("/health", endpointName: "http");
gateway.WithReference(identity);

// One line per domain service: the gateway's routes, identity's staff scopes and the tests follow these lines.
var services = new ServiceWiring(builder, infrastructure, gateway, identity, opsKey, issuer);
var reporting = services.Add<Projects.Tianxin_Reporting>("reporting");
services.StartAfter(reporting);
var rehabilitation = services.Add<Projects.Tianxin_Rehabilitation>("rehabilitation");
var employment = services.Add<Projects.Tianxin_Employment>("employment");
var relief = services.Add<Projects.Tianxin_Relief>("relief");
PersonalDataKeys.ApplyTo(relief, builder, storage);
// They consume the registry's events (their copies of its facts) and grievance's (referrals): those two start once
// their queues are bound, so that the registry's demo persons reach every copy.
services.StartAfter(rehabilitation);
services.StartAfter(employment);
services.StartAfter(relief);
PersonalDataKeys.ApplyTo(services.Add<Projects.Tianxin_Registry>("registry"), builder, storage);
var grievance = services.Add<Projects.Tianxin_Grievance>("grievance");
PersonalDataKeys.ApplyTo(grievance, builder, storage);
// The report is reconciled against the ledgers of the services that pay people, rehabilitation's programme figures and grievance's records.
reporting.WithReference(employment).WithReference(relief).WithReference(rehabilitation).WithReference(grievance);

builder.Build().Run();
