using System.Net;
using Platform.Backtests.Tests.Backtests;

namespace Platform.Backtests.Tests.Equity;

public sealed class EquityOfMissingOrUnfinishedRunsIsAProblem(ApiOnlyBacktestsFactory factory) : IClassFixture<ApiOnlyBacktestsFactory>
{
    [Fact]
    public async Task AnUnknownBacktestIsNotFound()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var (status, problem) = await BacktestRequests.ProblemAsync(factory.CreateClient().GetAsync("/api/v1/backtests/999999/equity", timeout.Token));

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Backtest not found", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AQueuedBacktestHasNoCurveYet()
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);
        var client = factory.CreateClient();
        var strategyId = await BacktestRequests.CreateStrategyAsync(client, $"equity-queued-{Guid.NewGuid():N}");
        var id = (await BacktestRequests.CreateAsync(client, BacktestRequests.Backtest(strategyId))).GetProperty("id").GetInt64();

        var (status, problem) = await BacktestRequests.ProblemAsync(client.GetAsync($"/api/v1/backtests/{id}/equity?format=csv", timeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Backtest not completed", problem.GetProperty("title").GetString());
        Assert.Equal("Backtest must be completed to read its equity curve", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("CSV")]
    public async Task AnUnknownFormatIsABadRequestNamingTheFormats(string format)
    {
        using var timeout = new CancellationTokenSource(SubmittedRuns.Timeout);

        var (status, problem) = await BacktestRequests.ProblemAsync(factory.CreateClient().GetAsync($"/api/v1/backtests/1/equity?format={format}", timeout.Token));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Invalid format", problem.GetProperty("title").GetString());
        Assert.Equal($"Invalid format: {format}. Must be one of: json, csv, binary", problem.GetProperty("detail").GetString());
    }
}
