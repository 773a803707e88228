using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Employment.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("employment", "就业托养 Employment and care"));

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<EmploymentGrpcService>();
await app.RunPlatformServiceAsync();
