using System.Text.Json;
using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Indicators;
using Platform.Engine.Rules;
using Platform.Engine.Strategies;

namespace Platform.Engine.Tests.Support;

/// <summary>A strategy that emits signals at fixed bars, to drive the simulator through hand-worked cases.</summary>
internal sealed class Scripted(IReadOnlyDictionary<int, byte> signals) : ISignalSource, IStrategyProgram
{
    public const byte Long = Signal.GoLong;
    public const byte Short = Signal.GoShort;
    public const byte ExitLong = Signal.ExitLong;

    public IReadOnlyList<ParameterSchema> Parameters => [];

    public TradeDirection DefaultDirection => TradeDirection.Long;

    public IReadOnlyList<(string Path, Interval Timeframe)> HigherTimeframes => [];

    public static StrategySpec Spec(params (int Bar, byte Signal)[] signals)
    {
        var map = signals.ToDictionary(s => s.Bar, s => s.Signal);
        var definition = new StrategyDefinition("scripted", "test signals", new Scripted(map), default(JsonElement));
        var parameters = new StrategyParameters(new SortedDictionary<string, object>(StringComparer.Ordinal)
        {
            ["script"] = string.Join(';', signals.Select(s => $"{s.Bar}:{s.Signal}")),
        });
        return new StrategySpec(definition, parameters);
    }

    public IReadOnlyDictionary<string, string> Check(StrategyParameters parameters) => new Dictionary<string, string>();

    public BoundRules Bind(StrategyParameters parameters) => new(this, BoundManagement.None, new RuleWarmUp(0, new Dictionary<string, int>()), new Dictionary<string, string>());

    public void Write(IndicatorCache indicators, Span<byte> output)
    {
        output.Clear();
        foreach (var (bar, signal) in signals)
        {
            output[bar] = signal;
        }
    }
}
