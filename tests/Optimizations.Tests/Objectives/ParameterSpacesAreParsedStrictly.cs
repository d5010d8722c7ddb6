using System.Text.Json;
using Platform.Optimizations.Objectives;

namespace Platform.Optimizations.Tests.Objectives;

public sealed class ParameterSpacesAreParsedStrictly
{
    private static (ParameterSpace? Space, Dictionary<string, string[]> Errors) Parse(string json, long max = 1_000)
    {
        var errors = new Dictionary<string, string[]>();
        return (ParameterSpace.Parse(JsonDocument.Parse(json).RootElement, "param_ranges", max, errors), errors);
    }

    [Fact]
    public void ListsAndRangesExpandToTheirValues()
    {
        var (space, errors) = Parse("""{"fast": [3, 3, 5, true], "slow": {"min": 10, "max": 12.5, "step": 1.25}}""");

        Assert.Empty(errors);
        Assert.Equal([3.0, 5, 1], space!.Axes["fast"]);
        Assert.Equal([10, 11.25, 12.5], space.Axes["slow"]);
        Assert.Equal(9, space.Size);
    }

    [Theory]
    [InlineData("""{"fast": ["x"]}""", "param_ranges.fast")]
    [InlineData("""{"fast": []}""", "param_ranges.fast")]
    [InlineData("""{"fast": {"min": 5, "max": 1}}""", "param_ranges.fast")]
    [InlineData("""{"fast": {"min": 1, "max": 5, "step": 0}}""", "param_ranges.fast")]
    [InlineData("""{"fast": "7"}""", "param_ranges.fast")]
    [InlineData("""{"fast": {"min": 1, "max": 100000}}""", "param_ranges.fast")]
    [InlineData("""{}""", "param_ranges")]
    [InlineData("""[1, 2]""", "param_ranges")]
    public void ABadSpaceNamesTheParameter(string json, string field)
    {
        var (space, errors) = Parse(json);

        Assert.Null(space);
        Assert.Contains(field, errors.Keys);
    }

    [Fact]
    public void AProductOverTheCapNamesTheCount()
    {
        var (_, errors) = Parse("""{"a": {"min": 1, "max": 40}, "b": {"min": 1, "max": 40}}""");

        Assert.Contains("1600 combinations", errors["param_ranges"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectivesScoreOnlyRunsWithinTheirConstraints()
    {
        var objective = new Objective("sharpe_ratio", Maximize: true, new ObjectiveConstraints(MinTrades: 5, MaxDrawdown: 0.2));

        Assert.True(Objective.IsKnown("max_drawdown"));
        Assert.False(Objective.DefaultMaximize("max_drawdown"));
        Assert.True(Objective.DefaultMaximize("sharpe_ratio"));
        Assert.False(Objective.IsKnown("luck"));
        Assert.Equal("sharpe_ratio", objective.Metric);
    }
}
