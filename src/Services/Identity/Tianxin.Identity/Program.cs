using Tianxin.Identity;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServer();

var app = builder.Build();
app.MapIdentityServer();
await app.MigrateIdentityDatabaseAsync();
app.Run();
