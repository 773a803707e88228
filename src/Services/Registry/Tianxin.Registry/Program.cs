using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Registry.Features.Areas;
using Tianxin.Registry.Features.Persons;
using Tianxin.Registry.Features.ServiceInfo;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("registry", "残疾人基础信息 Registry"));
builder.AddPersonalDataProtection();
builder.Services.AddPersons();

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RegistryGrpcService>();
app.MapAreasApi();
app.MapPersonsApi();
app.Run();
