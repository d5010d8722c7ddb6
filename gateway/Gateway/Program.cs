using Platform.Gateway;
using Platform.Gateway.Docs;
using Platform.Gateway.Routing;
using Platform.Gateway.Security;
using Platform.ServiceDefaults;

if (args is ["hash-key", var key])
{
    Console.WriteLine(ApiKeyHasher.Hash(key));
    return;
}

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGatewayPipeline();
builder.AddPlatformRoutes();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseGatewayPipeline();
app.MapApiDocs();
app.MapReverseProxy();

app.Run();
