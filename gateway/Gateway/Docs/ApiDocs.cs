using Platform.Gateway.RateLimiting;
using Platform.ServiceDefaults;
using Platform.ServiceDefaults.OpenApi;
using Scalar.AspNetCore;

namespace Platform.Gateway.Docs;

internal static class ApiDocs
{
    /// <summary>
    /// Serves the Scalar API reference at <c>/docs</c> over the four services' documents proxied by the gateway, limited
    /// per caller like every proxied route. The documents declare the API-key schemes; the page offers the header one
    /// first, so a key typed there goes with every call tried from the page.
    /// </summary>
    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapScalarApiReference("/docs", options =>
        {
            options.WithTitle("Crypto strategy research platform")
                .AddPreferredSecuritySchemes([ApiKeySchemes.ApiKey]);
            foreach (var service in ResourceNames.Services)
            {
                options.AddDocument(service, char.ToUpperInvariant(service[0]) + service[1..], $"/openapi/{service}/v1.json");
            }
        }).RequireRateLimiting(KeyRateLimiting.PolicyName);
        return app;
    }
}
