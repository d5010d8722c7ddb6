using Platform.MarketData;
using Platform.MarketData.Candles;
using Platform.MarketData.Live;
using Platform.MarketData.Prime;
using Platform.MarketData.Uploads;
using Platform.MarketData.WorkingSets;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.Identity;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddSignedIdentity(ResourceNames.MarketData);
builder.AddApplicationServices();

var app = builder.Build();

app.MapStoredKlinesApi();
app.MapLiveMarketApi();
app.MapWorkingSetsApi();
app.MapUploadsApi();
app.MapPrimeApi();
app.MapCandleReadApi();
app.MapCandlePagesApi();
app.MapQualityApi();
app.MapDefaultEndpoints();

app.Run();
