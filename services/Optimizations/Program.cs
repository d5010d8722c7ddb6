using Platform.Optimizations;
using Platform.Optimizations.Optimizations;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignedIdentity(ResourceNames.Optimizations);
builder.AddApplicationServices();

var app = builder.Build();

app.MapOptimizationsApi();
app.MapDefaultEndpoints();

app.Run();
