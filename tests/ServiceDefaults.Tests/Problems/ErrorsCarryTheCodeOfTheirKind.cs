using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Platform.ServiceDefaults.Tests.Problems;

/// <summary>Every ProblemDetails a service answers carries the stable <c>type</c> of its kind of error (docs/api-behaviour.md, 1.3).</summary>
public sealed class ErrorsCarryTheCodeOfTheirKind : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app = await TestHost.StartAsync(new Dictionary<string, string?>(), _ => { }, app =>
        {
            app.MapGet("/problem/{status:int}", (int status) => TypedResults.Problem("what went wrong", statusCode: status));
            app.MapGet("/fields/{status:int}", (int status) => TypedResults.Problem(
                new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["symbol"] = ["symbol must end in USDT."] }) { Status = status }));
            app.MapGet("/validation", () => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit must be 1 to 1000."] }));
            app.MapGet("/own-type", () => TypedResults.Problem("a kind of its own", statusCode: StatusCodes.Status409Conflict, type: "/errors/custom"));
        });
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(401, "/errors/unauthorized")]
    [InlineData(403, "/errors/forbidden")]
    [InlineData(404, "/errors/not-found")]
    [InlineData(409, "/errors/conflict")]
    [InlineData(413, "/errors/payload-too-large")]
    [InlineData(415, "/errors/unsupported-media-type")]
    [InlineData(422, "/errors/unprocessable")]
    [InlineData(429, "/errors/rate-limited")]
    [InlineData(500, "/errors/internal")]
    [InlineData(502, "/errors/upstream-failed")]
    [InlineData(503, "/errors/unavailable")]
    [InlineData(504, "/errors/upstream-timeout")]
    [InlineData(400, "/errors/bad-request")]
    [InlineData(418, "about:blank")]
    public async Task AHandlersProblemGetsTheTypeOfItsStatus(int status, string type)
    {
        var (code, problem) = await GetProblemAsync($"/problem/{status}");

        Assert.Equal(status, (int)code);
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal("what went wrong", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task FieldErrorsAreValidationOnA400AndUnprocessableOnA422AndKeepTheirFields()
    {
        var (_, validation) = await GetProblemAsync("/validation");
        var (_, fields400) = await GetProblemAsync("/fields/400");
        var (_, fields422) = await GetProblemAsync("/fields/422");

        Assert.Equal("/errors/validation", validation.GetProperty("type").GetString());
        Assert.Equal(["limit must be 1 to 1000."], validation.GetProperty("errors").GetProperty("limit").EnumerateArray().Select(message => message.GetString()));
        Assert.Equal("/errors/validation", fields400.GetProperty("type").GetString());
        Assert.Equal("/errors/unprocessable", fields422.GetProperty("type").GetString());
        Assert.Equal(["symbol must end in USDT."], fields422.GetProperty("errors").GetProperty("symbol").EnumerateArray().Select(message => message.GetString()));
    }

    [Fact]
    public async Task FrameworkErrorsAreTypedToo()
    {
        var (unbound, badRequest) = await GetProblemAsync("/echo?count=many");
        var (missing, notFound) = await GetProblemAsync("/nowhere");
        var (failed, internalError) = await GetProblemAsync("/boom");

        Assert.Equal((HttpStatusCode.BadRequest, "/errors/bad-request"), (unbound, badRequest.GetProperty("type").GetString()));
        Assert.Equal((HttpStatusCode.NotFound, "/errors/not-found"), (missing, notFound.GetProperty("type").GetString()));
        Assert.Equal((HttpStatusCode.InternalServerError, "/errors/internal"), (failed, internalError.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task ACallerAskingForCsvStillGetsATypedProblem()
    {
        var (code, problem) = await GetProblemAsync("/problem/404", "text/csv");

        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("/errors/not-found", problem.GetProperty("type").GetString());
        Assert.Equal("what went wrong", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AHandlersOwnTypeIsKept()
    {
        var (_, problem) = await GetProblemAsync("/own-type");

        Assert.Equal("/errors/custom", problem.GetProperty("type").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Problem)> GetProblemAsync(string path, string? accept = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }
        using var response = await _client.SendAsync(request, timeout.Token);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(timeout.Token)).RootElement.Clone());
    }
}
