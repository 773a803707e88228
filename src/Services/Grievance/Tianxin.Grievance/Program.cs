using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Grievance.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("grievance", "权益维护 Rights and grievances"));

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<GrievanceGrpcService>();
await app.RunPlatformServiceAsync();
