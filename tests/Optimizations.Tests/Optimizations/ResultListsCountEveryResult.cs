using System.Globalization;
using System.Net;
using System.Text.Json;
using Dapper;
using Npgsql;
using Platform.Optimizations.Tests.Grid;

namespace Platform.Optimizations.Tests.Optimizations;

/// <summary>
/// <c>GET /{id}/results</c> keeps the contract's array and tells in <c>X-Total-Count</c> how many results the run has in
/// all, whatever the page (docs/api-behaviour.md, 3.6).
/// </summary>
public sealed class ResultListsCountEveryResult(OptimizationsFactory factory) : IClassFixture<OptimizationsFactory>, IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public void Dispose() => _timeout.Dispose();

    [Theory]
    [InlineData("", 37)]
    [InlineData("?limit=10", 10)]
    [InlineData("?limit=10&offset=30", 7)]
    [InlineData("?offset=50", 0)]
    [InlineData("?sort=total_trades&order=asc&limit=1", 1)]
    public async Task TheTotalCountsEveryResultNotThePage(string query, int shown)
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "results-total");
        var other = await OptimizationRequests.CreateIdAsync(factory, client, "results-total-other");
        await StoreResultsAsync(id, 37);
        await StoreResultsAsync(other, 5);

        using var response = await client.GetAsync($"/api/v1/optimizations/{id}/results{query}", _timeout.Token);
        var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync(_timeout.Token)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(shown, results.GetArrayLength());
        Assert.All(results.EnumerateArray(), result => Assert.Equal(id, result.GetProperty("optimization_id").GetInt64()));
        Assert.Equal("37", Assert.Single(response.Headers.GetValues("X-Total-Count")));
    }

    [Fact]
    public async Task AnOptimizationWithoutResultsCountsNone()
    {
        var client = factory.CreateClient();
        var id = await OptimizationRequests.CreateIdAsync(factory, client, "results-none");

        using var response = await client.GetAsync($"/api/v1/optimizations/{id}/results", _timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("[]", await response.Content.ReadAsStringAsync(_timeout.Token));
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("X-Total-Count")));
    }

    /// <summary>Results as a grid run's chunks store them: one row per combination, scores 0, 1, 2 ...</summary>
    private async Task StoreResultsAsync(long id, int count)
    {
        await using var connection = new NpgsqlConnection(factory.DatabaseConnectionString);
        var runId = await connection.QuerySingleAsync<long>(new CommandDefinition(
            "INSERT INTO optimization_runs (optimization_id, kind, job_id, settings) VALUES (@Id, 'grid', gen_random_uuid(), '{}') RETURNING id",
            new { Id = id },
            cancellationToken: _timeout.Token));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO optimization_results (optimization_id, run_id, params, score, total_return, sharpe_ratio, max_drawdown, win_rate, total_trades, metrics)
            VALUES (@Id, @RunId, @Params::jsonb, @Score, 0.01, 1, 0.1, 0.5, 10, '{}'::jsonb)
            """,
            Enumerable.Range(0, count).Select(index => new
            {
                Id = id,
                RunId = runId,
                Params = $$"""{"fast": {{index.ToString(CultureInfo.InvariantCulture)}}}""",
                Score = (double)index,
            }),
            cancellationToken: _timeout.Token));
    }
}
