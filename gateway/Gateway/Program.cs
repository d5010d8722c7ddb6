using Platform.Gateway.Docs;
using Platform.Gateway.Routing;
using Platform.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformRoutes();

var app = builder.Build();

app.MapApiDocs();
app.MapReverseProxy();
app.MapDefaultEndpoints();

app.Run();
