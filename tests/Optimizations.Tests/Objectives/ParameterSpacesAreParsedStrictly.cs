using System.Text.Json;
using Platform.Optimizations.Objectives;

namespace Platform.Optimizations.Tests.Objectives;

public sealed class ParameterSpacesAreParsedStrictly
{
    private static (ParameterSpace? Space, Dictionary<string, string[]> Errors) Parse(string json, long max = 1_000, int maxValues = 100)
    {
        var errors = new Dictionary<string, string[]>();
        return (ParameterSpace.Parse(JsonDocument.Parse(json).RootElement, "param_ranges", maxValues, max, errors), errors);
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
    public void AProductOverTheCapNamesTheParameterThatCrossedItAndTheCount()
    {
        var (_, errors) = Parse("""{"a": {"min": 1, "max": 40}, "b": {"min": 1, "max": 40}, "c": [1, 2]}""");

        Assert.Equal(["param_ranges.b"], errors.Keys);
        Assert.Contains("1600 combinations", errors["param_ranges.b"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void AProductThatWouldOverflowALongIsRefusedWithoutOverflowing()
    {
        var axis = $"[{string.Join(", ", Enumerable.Range(1, 100))}]";
        var json = "{" + string.Join(", ", Enumerable.Range(0, 12).Select(i => $"\"p{i:00}\": {axis}")) + "}";

        var (space, errors) = Parse(json, max: long.MaxValue);

        // 100^9 fits in a long, 100^10 does not: the tenth parameter crosses the cap.
        Assert.Null(space);
        Assert.Equal(["param_ranges.p09"], errors.Keys);
        Assert.Contains("100000000000000000000 combinations", errors["param_ranges.p09"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicatesAreDroppedInFirstSeenOrderBeforeTheProductIsTaken()
    {
        var repeated = $"[{string.Join(", ", Enumerable.Repeat("8, 3, 5", 30))}]";

        var (space, errors) = Parse($$"""{"fast": {{repeated}}, "slow": [20, 10, 20]}""", max: 6);

        Assert.Empty(errors);
        Assert.Equal([8.0, 3, 5], space!.Axes["fast"]);
        Assert.Equal([20.0, 10], space.Axes["slow"]);
        Assert.Equal(6, space.Size);
    }

    [Fact]
    public void AListLongerThanTheCapIsRefusedNamingTheParameter()
    {
        var (space, errors) = Parse($$"""{"fast": [{{string.Join(", ", Enumerable.Repeat(5, 101))}}]}""");

        Assert.Null(space);
        Assert.Contains("101 values, more than the 100", errors["param_ranges.fast"][0], StringComparison.Ordinal);
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
