using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Relief.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("relief", "帮扶救助 Relief"));

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<ReliefGrpcService>();
await app.RunPlatformServiceAsync();
