using Platform.Engine.Backtesting;
using Platform.Engine.Data;
using Platform.Engine.Rules;

namespace Platform.Engine.Strategies;

/// <summary>What a strategy type runs: a <see cref="RuleProgram"/> in production; tests script signals directly.</summary>
internal interface IStrategyProgram
{
    IReadOnlyList<ParameterSchema> Parameters { get; }

    TradeDirection DefaultDirection { get; }

    /// <summary>Each higher timeframe the strategy reads, with the path it was written at.</summary>
    IReadOnlyList<(string Path, Interval Timeframe)> HigherTimeframes { get; }

    /// <summary>Errors of a parameter set beyond each value's own schema, keyed by the path they concern.</summary>
    IReadOnlyDictionary<string, string> Check(StrategyParameters parameters);

    BoundRules Bind(StrategyParameters parameters);
}
