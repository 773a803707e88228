using Tianxin.BuildingBlocks.Eligibility;
using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Rehabilitation.Features.Applications;
using Tianxin.Rehabilitation.Features.DemoData;
using Tianxin.Rehabilitation.Features.Delivery;
using Tianxin.Rehabilitation.Features.Figures;
using Tianxin.Rehabilitation.Features.Needs;
using Tianxin.Rehabilitation.Features.Programmes;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("rehabilitation", "康复 Rehabilitation"),
    messaging => messaging.AddConsumer<EligibilityCopyConsumer>());
builder.Services.AddSingleton<Delivery>().AddSingleton<ApplicationDesk>().AddDeliveryPolicy()
    .Configure<DemoDataOptions>(builder.Configuration.GetSection("Rehabilitation:DemoData"))
    .AddHostedService<DemoRehabilitationSeeder>();

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RehabilitationGrpcService>();
app.MapProgrammesApi();
app.MapNeedsApi();
app.MapApplicationsApi();
app.MapProgrammeFiguresApi();
app.Run();
