using Platform.Client.Backtests.Models;

namespace Platform.EndToEnd.Tests.Client;

/// <summary>
/// The error answers the documents declare are what the platform sends: the typed client throws them as the generated
/// ProblemDetails types, with the stable <c>type</c> code and, for a validation error, the field that failed.
/// </summary>
[Collection(PlatformFixture.Collection)]
public sealed class ErrorsReachTheClientAsProblemDetails(PlatformFixture platform)
{
    [Fact]
    public async Task AnUnknownBacktestIsANotFoundProblem()
    {
        var problem = await Assert.ThrowsAsync<ProblemDetails>(() => platform.Api.Backtests.Api.V1.Backtests[987_654_321].GetAsync());

        Assert.Equal(404, problem.ResponseStatusCode);
        Assert.Equal(404, problem.Status);
        Assert.EndsWith("/errors/not-found", problem.Type);
    }

    [Fact]
    public async Task ABacktestWithoutCapitalIsAValidationProblemNamingTheField()
    {
        var strategyId = await platform.Api.CreateStrategyAsync("end-to-end refused");

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => platform.Api.Backtests.Api.V1.Backtests.PostAsync(new CreateBacktestRequest
        {
            StrategyId = strategyId,
            Symbol = "BTCUSDT",
            Timeframe = "60",
            StartDate = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            EndDate = new DateTimeOffset(2024, 2, 1, 0, 0, 0, TimeSpan.Zero),
            InitialCapital = -5,
        }));

        Assert.Equal(422, problem.ResponseStatusCode);
        Assert.EndsWith("/errors/unprocessable", problem.Type);
        Assert.Equal(["initial_capital"], problem.Errors!.AdditionalData.Keys);
    }
}
