using Platform.MarketData;
using Platform.MarketData.Candles;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapStoredKlinesApi();
app.MapDefaultEndpoints();

app.Run();
