using Platform.Backtests;
using Platform.Backtests.Backtests;
using Platform.Backtests.Strategies;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignedIdentity(ResourceNames.Backtests);
builder.AddApplicationServices();

var app = builder.Build();

app.MapStrategiesApi();
app.MapBacktestsApi();
app.MapDefaultEndpoints();

app.Run();
