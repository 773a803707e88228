using OpenTelemetry.Trace;
using Tianxin.Gateway;

var builder = WebApplication.CreateBuilder(args);
// Before the exporter that the service defaults add: processors see a span in the order they were added.
builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor<ForwardedAnswers>());
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.MapGateway();
app.Run();

public partial class Program;
