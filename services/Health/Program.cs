using Platform.Health;
using Platform.Health.Probes;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapProbesApi();
app.MapDefaultEndpoints();

app.Run();
