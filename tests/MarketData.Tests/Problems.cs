using System.Net;
using System.Text.Json;

namespace Platform.MarketData.Tests;

/// <summary>What a user reads in a ProblemDetails answer.</summary>
internal static class Problems
{
    /// <summary>
    /// A 400 validation problem whose <c>errors</c> name exactly <paramref name="field"/>, with exactly
    /// <paramref name="messages"/>; returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertValidationAsync(HttpResponseMessage response, string field, params string[] messages)
    {
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal(messages, errors.GetProperty(field).EnumerateArray().Select(message => message.GetString()));
        return problem;
    }

    /// <summary>A ProblemDetails answer with <paramref name="status"/>; returns the problem.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
