using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// A list whose body is the original contract's array carries the count of every item its filter matches, beyond the page,
/// in the <c>X-Total-Count</c> header; its OpenAPI answer declares the header.
/// </summary>
public static class TotalCount
{
    public const string Header = "X-Total-Count";

    public static void Set(HttpResponse response, long total) => response.Headers[Header] = total.ToString(CultureInfo.InvariantCulture);

    /// <summary>Declares the header on the operation's 200 answer.</summary>
    public static RouteHandlerBuilder WithTotalCountHeader(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new TotalCountMetadata());
}

/// <summary>Marks an endpoint whose 200 answer carries <see cref="TotalCount.Header"/>.</summary>
internal sealed record TotalCountMetadata;
