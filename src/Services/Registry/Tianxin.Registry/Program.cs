using Tianxin.BuildingBlocks.Hosting;
using Tianxin.BuildingBlocks.PersonalData;
using Tianxin.Registry.Data;
using Tianxin.Registry.Features.Areas;
using Tianxin.Registry.Features.Certificates;
using Tianxin.Registry.Features.DemoData;
using Tianxin.Registry.Features.Facts;
using Tianxin.Registry.Features.Households;
using Tianxin.Registry.Features.Imports;
using Tianxin.Registry.Features.Persons;
using Tianxin.Registry.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("registry", "残疾人基础信息 Registry"));
builder.AddPersonalDataProtection(
    new EncryptedColumn("persons", "id_number_cipher", PersonRow.IdNumberPurpose),
    new EncryptedColumn("imports", "content", ImportWorker.ContentPurpose, rowsPerBatch: 4)); // files of up to 20 MB
builder.Services.AddSingleton<RegistryChanges>().AddPersons().AddCertificates(builder.Configuration).AddHouseholds().AddImports()
    .AddFactsRefresh(builder.Configuration).AddDemoData(builder.Configuration);

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<RegistryGrpcService>();
app.MapAreasApi();
app.MapPersonsApi();
app.MapCertificatesApi();
app.MapHouseholdsApi();
app.MapImportsApi();
app.MapFactsRefreshApi();
await app.RunPlatformServiceAsync();
