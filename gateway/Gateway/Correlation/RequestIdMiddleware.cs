using System.Buffers;

namespace Platform.Gateway.Correlation;

/// <summary>
/// <c>X-Request-ID</c>: the client's value when well-formed (up to 64 letters, digits, <c>-_.:</c>), else a new one;
/// set on the request so the proxy forwards it, returned on the response, and in the logging scope of the request.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-ID";
    private const int MaxLength = 64;
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var presented = context.Request.Headers[HeaderName];
        var id = presented.Count == 1 && IsWellFormed(presented[0]) ? presented[0]! : Guid.NewGuid().ToString("N");
        context.Request.Headers[HeaderName] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = id;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["XRequestId"] = id }))
        {
            await next(context);
        }
    }

    private static bool IsWellFormed(string? value) =>
        value is { Length: > 0 and <= MaxLength } && !value.AsSpan().ContainsAnyExcept(Allowed);
}
