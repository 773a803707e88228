using Tianxin.BuildingBlocks.Hosting;
using Tianxin.Reporting.Features.Events;
using Tianxin.Reporting.Features.Figures;
using Tianxin.Reporting.Features.Reconciliation;
using Tianxin.Reporting.Features.Targets;
using Tianxin.Reporting.Features.YearEnd;
using Tianxin.Reporting.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatformService(new PlatformService("reporting", "年度报告与目标 Reporting"),
    messaging => messaging.AddConsumers(EventsApi.Consumers, "events"));
builder.Services.AddReportedEvents().AddFigures().AddYearEndReport().AddTargets().AddReconciliation().AddDistrictFiguresPolicy();

var app = builder.Build();
app.MapPlatformService();
app.MapGrpcService<ReportingGrpcService>();
app.MapEventsApi();
app.MapFiguresApi();
app.MapYearEndApi();
app.MapTargetsApi();
app.MapReconciliationApi();
await app.RunPlatformServiceAsync();
