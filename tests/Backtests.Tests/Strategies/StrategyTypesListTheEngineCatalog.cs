using System.Net;
using System.Text.Json;
using Platform.Engine.Strategies;

namespace Platform.Backtests.Tests.Strategies;

public sealed class StrategyTypesListTheEngineCatalog(BacktestsFactory factory) : IClassFixture<BacktestsFactory>, IDisposable
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    [Fact]
    public async Task EveryBuiltInTypeIsListedInCatalogOrder()
    {
        using var response = await factory.CreateClient().GetAsync($"{StrategyRequests.Path}/types", timeout.Token);
        var types = await StrategyRequests.ReadAsync(response, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            StrategyCatalog.Default.Strategies.Select(d => d.Name).Append(StrategyCatalog.RulesType),
            types.EnumerateArray().Select(type => type.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task EachParameterCarriesItsSchema()
    {
        using var response = await factory.CreateClient().GetAsync($"{StrategyRequests.Path}/types", timeout.Token);
        var types = await StrategyRequests.ReadAsync(response, timeout.Token);
        var ema = types.EnumerateArray().Single(type => type.GetProperty("name").GetString() == "ema_crossover");
        var fast = ema.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "fast");

        Assert.False(string.IsNullOrWhiteSpace(ema.GetProperty("description").GetString()));
        Assert.Equal("int", fast.GetProperty("type").GetString());
        Assert.Equal(50, fast.GetProperty("default").GetInt32());
        Assert.Equal(1, fast.GetProperty("min").GetDouble());
        Assert.Equal(5_000, fast.GetProperty("max").GetDouble());
        Assert.False(string.IsNullOrWhiteSpace(fast.GetProperty("description").GetString()));
    }

    [Fact]
    public async Task EveryParameterOfTheCatalogIsPublishedWithItsDefault()
    {
        using var response = await factory.CreateClient().GetAsync($"{StrategyRequests.Path}/types", timeout.Token);
        var types = await StrategyRequests.ReadAsync(response, timeout.Token);

        foreach (var definition in StrategyCatalog.Default.Strategies)
        {
            var published = types.EnumerateArray().Single(type => type.GetProperty("name").GetString() == definition.Name)
                .GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
            Assert.Equal(definition.Parameters.Select(p => p.Name).Order(), published.Keys.Order());
            foreach (var schema in definition.Parameters)
            {
                Assert.Equal(JsonSerializer.Serialize(schema.Default), published[schema.Name].GetProperty("default").GetRawText());
            }
        }
    }

    public void Dispose() => timeout.Dispose();
}
