using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Rehabilitation.Features.ServiceInfo;
using Tianxin.Rehabilitation.IntegrationEvents;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("rehabilitation", "康复 Rehabilitation"),
    messaging => messaging.AddConsumer<PersonRegisteredConsumer>());

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RehabilitationGrpcService>();
app.Run();
