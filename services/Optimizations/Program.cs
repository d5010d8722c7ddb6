using Platform.Optimizations;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapOptimizationsApi();
app.MapDefaultEndpoints();

app.Run();
