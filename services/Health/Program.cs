using Platform.Health;
using Platform.Health.Bybit;
using Platform.Health.Monitoring;
using Platform.Health.Pools;
using Platform.Health.Probes;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignedIdentity(ResourceNames.Health);
builder.AddApplicationServices();

var app = builder.Build();

app.MapOverallApi();
app.MapProbesApi();
app.MapBybitApi();
app.MapDbPoolApi();
app.MapMonitoringApi();
app.MapPlatformMetrics();
app.MapDefaultEndpoints();

app.Run();
