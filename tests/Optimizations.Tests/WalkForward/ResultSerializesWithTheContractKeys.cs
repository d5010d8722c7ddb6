using System.Text.Json;
using Platform.Optimizations.WalkForward;

namespace Platform.Optimizations.Tests.WalkForward;

public sealed class ResultSerializesWithTheContractKeys
{
    private static readonly JsonElement Document =
        JsonDocument.Parse(ResultJson.Serialize(WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(4, 2, 2))))).RootElement;

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];

    [Fact]
    public void TheTopLevelHoldsTheContractDocumentAndTheAdditions()
    {
        Assert.Equal(
            ["windows", "summary", "config", "skipped_windows", "walk_forward_efficiency", "parameter_stability", "overfitting", "oos_equity_curve"],
            Keys(Document));
    }

    [Fact]
    public void WindowsCarryTheContractFieldsWithIsoDates()
    {
        var window = Document.GetProperty("windows")[1];

        Assert.Equal(
            ["window_id", "is_start", "is_end", "oos_start", "oos_end", "best_params", "is_metrics", "oos_metrics"],
            Keys(window).Take(8));
        Assert.Equal("2024-01-03T00:00:00+00:00", window.GetProperty("is_start").GetString());
        Assert.Equal("2024-01-09T00:00:00+00:00", window.GetProperty("oos_end").GetString());
        Assert.Equal(["fast", "slow"], Keys(window.GetProperty("best_params")));
        Assert.Equal(
            ["total_return", "sharpe_ratio", "max_drawdown", "win_rate", "total_trades", "profit_factor", "net_profit"],
            Keys(window.GetProperty("oos_metrics")));
    }

    [Fact]
    public void TheSummaryNamesTheMetricInItsKeys()
    {
        Assert.Equal(
            [
                "total_windows", "positive_windows", "positive_window_rate", "total_oos_profit", "average_oos_profit", "median_oos_profit",
                "std_oos_profit", "total_oos_trades", "average_oos_trades", "average_oos_sharpe_ratio", "median_oos_sharpe_ratio",
            ],
            Keys(Document.GetProperty("summary")));
    }

    [Fact]
    public void TheConfigGivesTheWindowsInDays()
    {
        var config = Document.GetProperty("config");

        Assert.Equal(
            (4.0, 2.0, 2.0, "sharpe_ratio", 3, 3, "days", "rolling"),
            (config.GetProperty("is_window_days").GetDouble(), config.GetProperty("oos_window_days").GetDouble(), config.GetProperty("step_days").GetDouble(),
                config.GetProperty("metric").GetString(), config.GetProperty("total_windows").GetInt32(), config.GetProperty("successful_windows").GetInt32(),
                config.GetProperty("unit").GetString(), config.GetProperty("mode").GetString()));
    }

    [Fact]
    public void CurvePointsAndTheVerdictAreSimpleObjects()
    {
        Assert.Equal(["timestamp", "equity"], Keys(Document.GetProperty("oos_equity_curve")[0]));
        Assert.Equal(["likely", "reasons"], Keys(Document.GetProperty("overfitting")));
        Assert.Equal(
            ["mean", "std", "coefficient_of_variation", "most_common_value", "most_common_share"],
            Keys(Document.GetProperty("parameter_stability").GetProperty("fast")));
    }

    [Fact]
    public void BarsModeReportsTheNominalDays()
    {
        var result = WalkForwardCase.Run(WalkForwardCase.Plan(new WindowSettings(96, 48, 12, WindowUnit.Bars, WindowMode.Anchored)));

        Assert.Equal((4.0, 2.0, 0.5, "bars", "anchored"), (result.Config.IsWindowDays, result.Config.OosWindowDays, result.Config.StepDays, result.Config.Unit, result.Config.Mode));
    }
}
