using System.Net;
using System.Net.Http.Json;

namespace Platform.Backtests.Tests.Backtests;

/// <summary>The backtests API's errors carry the stable code of their kind, which clients branch on (docs/api-behaviour.md, 1.3).</summary>
public sealed class ProblemsNameTheirKind(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Fact]
    public async Task AMissingBacktestIsNotFound()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (status, problem) = await BacktestRequests.ProblemAsync(factory.CreateClient().GetAsync("/api/v1/backtests/987654321", timeout.Token));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(("/errors/not-found", "Backtest not found"), (problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task AnUnknownListFilterIsValidationNamingIt()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var (status, problem) = await BacktestRequests.ProblemAsync(factory.CreateClient().GetAsync("/api/v1/backtests/?status=paused", timeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/errors/validation", problem.GetProperty("type").GetString());
        Assert.Equal(["status"], BacktestRequests.ErrorFields(problem));
    }

    [Fact]
    public async Task ValuesOutOfRangeAreUnprocessableNamingTheField()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var client = factory.CreateClient();
        var body = BacktestRequests.Backtest(await BacktestRequests.CreateStrategyAsync(client, "problem-kinds"));
        body["leverage"] = 101;

        var (status, problem) = await BacktestRequests.ProblemAsync(client.PostAsJsonAsync("/api/v1/backtests/", body, timeout.Token));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Equal("/errors/unprocessable", problem.GetProperty("type").GetString());
        Assert.Equal(["leverage"], BacktestRequests.ErrorFields(problem));
    }
}
