using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Grievance.Features.ServiceInfo;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("grievance", "权益维护 Rights and grievances"));

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<GrievanceGrpcService>();
app.Run();
