using Tianxin.BuildingBlocks.Funding;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Eligibility;
using Tianxin.Rehabilitation.DemoData;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.Delivery;
using Tianxin.Rehabilitation.Features.Figures;
using Tianxin.Rehabilitation.Features.Needs;
using Tianxin.Rehabilitation.Features.Programmes;
using Tianxin.Rehabilitation.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("rehabilitation", "康复 Rehabilitation"),
    messaging => messaging.AddConsumer<EligibilityCopyConsumer>());
builder.Services.AddEligibilityCopy().AddFunding()
    .AddProgrammes().AddNeeds().AddApplications().AddDelivery().AddFigures().AddDemoData(builder.Configuration);

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RehabilitationGrpcService>();
app.MapFunding();
app.MapProgrammesApi();
app.MapNeedsApi();
app.MapApplicationsApi();
app.MapFiguresApi();
await app.RunPlatformServiceAsync();
