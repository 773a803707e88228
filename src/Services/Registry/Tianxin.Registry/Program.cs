using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Registry.Features.ServiceInfo;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("registry", "残疾人基础信息 Registry"));

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RegistryGrpcService>();
app.Run();
