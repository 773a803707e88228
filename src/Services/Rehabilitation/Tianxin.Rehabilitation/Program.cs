using Tianxin.BuildingBlocks.Eligibility;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Rehabilitation.Features.ServiceInfo;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("rehabilitation", "康复 Rehabilitation"),
    messaging => messaging.AddConsumer<EligibilityCopyConsumer>());

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RehabilitationGrpcService>();
app.Run();
